import "server-only";
import { cookies } from "next/headers";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
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

const CART_CURRENCY_COOKIE = "hostlane_currency";

/**
 * The currency the visitor chose on the storefront (the variant "Add to Cart" was pressed on); the cart and a
 * guest checkout price in it. Unset or not a code: the storefront's default. A signed-in client's account
 * currency wins over it (checkout). The value is only a choice: resolving the cart refuses a currency the shop
 * does not sell in.
 */
export const readCartCurrency = async () => {
  const value = (await cookies()).get(CART_CURRENCY_COOKIE)?.value;
  return value && /^[A-Z]{3}$/.test(value) ? value : STOREFRONT_CURRENCY;
};

export const writeCartCurrency = async (currency: string) => {
  (await cookies()).set(CART_CURRENCY_COOKIE, currency, { httpOnly: true, sameSite: "lax", path: "/", maxAge: CART_COOKIE_MAX_AGE_SECONDS });
};

const CART_PROMO_COOKIE = "hostlane_promo";

/**
 * The promo code the visitor applied on the cart page (normalized), carried into checkout's Promo Code field.
 * Only a choice: every quote checks it again, and an unknown or refused code is shown with its reason.
 */
export const readCartPromoCode = async () => {
  const value = (await cookies()).get(CART_PROMO_COOKIE)?.value ?? "";
  return isPromoCodeShape(value) ? value : "";
};

/** What a normalized promo code can look like (Admin → Promotions); anything else is no code. */
export const isPromoCodeShape = (code: string) => /^[A-Z0-9_-]{1,40}$/.test(code);

export const writeCartPromoCode = async (code: string) => {
  const store = await cookies();
  if (!code) store.delete(CART_PROMO_COOKIE);
  else store.set(CART_PROMO_COOKIE, code, { httpOnly: true, sameSite: "lax", path: "/", maxAge: CART_COOKIE_MAX_AGE_SECONDS });
};
