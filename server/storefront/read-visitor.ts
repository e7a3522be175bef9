import "server-only";
import { getPrincipal } from "@/server/auth";
import { readCartItems } from "@/server/cart/cart-store";
import { resolveCart } from "@/server/cart/resolve-cart";

export type TVisitor = {
  /** Whether a client is signed in (staff sessions do not count on the storefront). */
  isClient: boolean;
  /** Cart lines the catalog still offers. */
  cartCount: number;
};

/**
 * The personal part of the storefront header, read by the browser after a cached page has loaded
 * (GET /api/storefront/visitor). Only the count and a yes/no leave the server: no name, no e-mail.
 */
export const readVisitor = async (): Promise<TVisitor> => {
  const principal = await getPrincipal();
  const items = await readCartItems();
  const cartCount = items.length === 0 ? 0 : (await resolveCart({ items })).lines.length;
  return { isClient: principal?.kind === "client", cartCount };
};
