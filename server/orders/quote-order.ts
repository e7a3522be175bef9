import "server-only";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { findOffers, type TOfferRef } from "@/server/catalog/catalog-queries";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import { sumCents } from "@/server/money/money";
import type { TCustomerTaxInput } from "@/server/tax/quote-taxes";
import { taxQuoteItems } from "@/server/tax/tax-quote-items";

export type QuoteOrderOptions = {
  items: readonly TOfferRef[];
  currency: string;
  /** Billing address: decides the tax rule. */
  country: string;
  state: string;
  /** VAT number, business and "is taxable" of the customer (server/tax/quote-taxes.ts); a new consumer by default. */
  customer?: Omit<TCustomerTaxInput, "country" | "state">;
  now: Date;
};

/**
 * Prices an order the way its invoice will be priced: one line per product and cycle, a separate line for a
 * setup fee, tax computed and rounded once per line (server/tax/tax-quote-items.ts), totals as sums of rounded lines. Product and cycle
 * references are untrusted; each must be visible and priced in the currency, or nothing is quoted.
 */
export const quoteOrder = async ({ items, currency, country, state, customer, now }: QuoteOrderOptions, client: DbClient = db) => {
  const offers = await findOffers({ refs: items, currency }, client);
  const unavailableCount = offers.filter((offer) => !offer).length;
  if (unavailableCount > 0 || offers.length === 0) {
    const message =
      offers.length === 0
        ? "Your cart is empty."
        : "A product or billing cycle in your order is no longer available. Please review your cart and try again.";
    throw new AppError("PRODUCT_UNAVAILABLE", { userMessage: message, fieldErrors: { items: [message] } });
  }
  const pricedItems = offers.flatMap((offer) => (offer ? [offer] : [])).map((offer) => {
    const productLine = {
      kind: "PRODUCT" as const,
      description: `${offer.productName} (${billingCycleLabel(offer.cycle)})`,
      amountCents: offer.amountCents,
    };
    const setupFeeLine =
      offer.setupFeeCents > 0
        ? {
            kind: "SETUP_FEE" as const,
            description: `${offer.productName} Setup Fee`,
            amountCents: offer.setupFeeCents,
          }
        : null;
    return { ...offer, lines: setupFeeLine ? [productLine, setupFeeLine] : [productLine] };
  });
  const { items: quotedItems, ...tax } = await taxQuoteItems({ items: pricedItems, customer: { ...customer, country, state }, now }, client);
  const allLines = quotedItems.flatMap((item) => item.lines);
  const subtotalCents = sumCents(allLines.map((line) => line.amountCents));
  const taxCents = sumCents(allLines.map((line) => line.taxCents));
  return { currency, items: quotedItems, subtotalCents, taxCents, totalCents: subtotalCents + taxCents, ...tax };
};

export type TOrderQuote = Awaited<ReturnType<typeof quoteOrder>>;
