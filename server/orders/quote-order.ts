import "server-only";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { findOffers, type TOfferRef } from "@/server/catalog/catalog-queries";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import { sumCents } from "@/server/money/money";
import { computeLineTax } from "@/server/tax/compute-line-tax";
import { findTaxRule } from "@/server/tax/find-tax-rule";

export type QuoteOrderOptions = {
  items: readonly TOfferRef[];
  currency: string;
  /** Billing address: decides the tax rule. */
  country: string;
  state: string;
  now: Date;
};

/**
 * Prices an order the way its invoice will be priced: one line per product and cycle, a separate line for a
 * setup fee, tax computed and rounded once per line, totals as sums of rounded lines. Product and cycle
 * references are untrusted; each must be visible and priced in the currency, or nothing is quoted.
 */
export const quoteOrder = async ({ items, currency, country, state, now }: QuoteOrderOptions, client: DbClient = db) => {
  const offers = await findOffers({ refs: items, currency }, client);
  const unavailableCount = offers.filter((offer) => !offer).length;
  if (unavailableCount > 0 || offers.length === 0) {
    const message =
      offers.length === 0
        ? "Your cart is empty."
        : "A product or billing cycle in your order is no longer available. Please review your cart and try again.";
    throw new AppError("PRODUCT_UNAVAILABLE", { userMessage: message, fieldErrors: { items: [message] } });
  }
  const rule = await findTaxRule({ country, state, at: now }, client);
  const quotedItems = offers.flatMap((offer) => (offer ? [offer] : [])).map((offer) => {
    const productLine = {
      kind: "PRODUCT" as const,
      description: `${offer.productName} (${billingCycleLabel(offer.cycle)})`,
      amountCents: offer.amountCents,
      ...computeLineTax({ amountCents: offer.amountCents, rule }),
    };
    const setupFeeLine =
      offer.setupFeeCents > 0
        ? {
            kind: "SETUP_FEE" as const,
            description: `${offer.productName} Setup Fee`,
            amountCents: offer.setupFeeCents,
            ...computeLineTax({ amountCents: offer.setupFeeCents, rule }),
          }
        : null;
    return { ...offer, lines: setupFeeLine ? [productLine, setupFeeLine] : [productLine] };
  });
  const allLines = quotedItems.flatMap((item) => item.lines);
  const subtotalCents = sumCents(allLines.map((line) => line.amountCents));
  const taxCents = sumCents(allLines.map((line) => line.taxCents));
  return { currency, items: quotedItems, tax: rule, subtotalCents, taxCents, totalCents: subtotalCents + taxCents };
};

export type TOrderQuote = Awaited<ReturnType<typeof quoteOrder>>;
