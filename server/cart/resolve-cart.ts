import "server-only";
import { findOffers, STOREFRONT_CURRENCY, type TOffer } from "@/server/catalog/catalog-queries";
import { offerLines } from "@/server/catalog/offer-lines";
import { type DbClient, db } from "@/server/db";
import { sumCents } from "@/server/money/money";
import type { TCartItem } from "./cart-cookie";

export type TCartLine = TOffer & {
  /** Position of the reference in the stored cart, so "Remove" removes exactly this line. */
  index: number;
};

/**
 * Re-validates the stored references against the catalog on every read: a product that became hidden or
 * unknown, a cycle, add-on or option no longer offered, or an item out of stock, is dropped and counted so the page can say so. Subtotal excludes tax,
 * which depends on the billing address entered at checkout.
 */
export const resolveCart = async ({ items, currency = STOREFRONT_CURRENCY }: { items: readonly TCartItem[]; currency?: string }, client: DbClient = db) => {
  const offers = await findOffers({ refs: items, currency }, client);
  const lines: TCartLine[] = offers.flatMap((offer, index) => (offer ? [{ ...offer, index }] : []));
  return {
    currency,
    lines,
    droppedCount: items.length - lines.length,
    subtotalCents: sumCents(lines.flatMap((line) => offerLines(line).map((offerLine) => offerLine.amountCents))),
  };
};

export type TResolvedCart = Awaited<ReturnType<typeof resolveCart>>;
