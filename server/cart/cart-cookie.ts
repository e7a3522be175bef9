import { z } from "zod";
import { ZOfferRef } from "@/server/catalog/catalog.schemas";

export const CART_COOKIE_NAME = "hostlane_cart";
/** A cart outlives a browser session but not a month-old visit. */
export const CART_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** Keeps the cookie well under the 4 KB browsers accept. */
export const MAX_CART_ITEMS = 20;

/** The cookie holds references only (product ID, cycle, add-on IDs, option choices); prices are always read from the catalog. */
export type TCartItem = z.infer<typeof ZOfferRef>;

const ZCartCookie = z.array(ZOfferRef).max(MAX_CART_ITEMS);

/** Reads the cookie value; anything malformed counts as an empty cart rather than an error page. */
export const parseCartCookie = (value: string | undefined): TCartItem[] => {
  if (!value) return [];
  try {
    const parsed = ZCartCookie.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
};

/** Only the reference fields, and add-ons/options only when chosen, so a plain cart stays as small as before. */
export const toCartItem = ({ productId, cycle, addonIds, options }: TCartItem): TCartItem => ({
  productId,
  cycle,
  ...(addonIds?.length ? { addonIds: [...addonIds] } : {}),
  ...(options && Object.keys(options).length ? { options: { ...options } } : {}),
});

export const serializeCartCookie = (items: readonly TCartItem[]) => JSON.stringify(items.slice(0, MAX_CART_ITEMS).map(toCartItem));
