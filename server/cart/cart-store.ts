import "server-only";
import { cookies } from "next/headers";
import { CART_COOKIE_MAX_AGE_SECONDS, CART_COOKIE_NAME, parseCartCookie, serializeCartCookie, type TCartItem } from "./cart-cookie";

/** The visitor's cart references from the request cookie. Works in server components, actions and route handlers. */
export const readCartItems = async () => parseCartCookie((await cookies()).get(CART_COOKIE_NAME)?.value);

/** Only server actions and route handlers may write cookies. */
export const writeCartItems = async (items: readonly TCartItem[]) => {
  const store = await cookies();
  if (items.length === 0) {
    store.delete(CART_COOKIE_NAME);
    return;
  }
  store.set(CART_COOKIE_NAME, serializeCartCookie(items), {
    httpOnly: true,
    sameSite: "lax",
    // NOTE: not `secure`: the cart holds no secret (product references only) and must also work on a plain-HTTP
    // zero-setup install; httpOnly keeps scripts from tampering with it, and every read re-validates it anyway.
    path: "/",
    maxAge: CART_COOKIE_MAX_AGE_SECONDS,
  });
};
