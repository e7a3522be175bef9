import "server-only";
import { resolveOffers, type TOfferRef } from "@/server/catalog/catalog-queries";
import { offerLines } from "@/server/catalog/offer-lines";
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
 * Prices an order the way its invoice will be priced: one line per product and cycle, add-on and option, a
 * separate line for each setup fee (server/catalog/offer-lines.ts), tax computed and rounded once per line
 * (server/tax/tax-quote-items.ts), totals as sums of rounded lines. References are untrusted; each must resolve
 * in the catalog in the currency (server/catalog/catalog-queries.ts resolveOffers), or nothing is quoted and the
 * error says why.
 */
export const quoteOrder = async ({ items, currency, country, state, customer, now }: QuoteOrderOptions, client: DbClient = db) => {
  const resolutions = await resolveOffers({ refs: items, currency }, client);
  const problem = resolutions.find((resolution) => resolution.problem)?.problem;
  if (problem || resolutions.length === 0) {
    const message = resolutions.length === 0 ? "Your cart is empty." : problem!;
    throw new AppError("PRODUCT_UNAVAILABLE", { userMessage: message, fieldErrors: { items: [message] } });
  }
  const pricedItems = resolutions.flatMap(({ offer }) => (offer ? [offer] : [])).map((offer) => ({ ...offer, lines: offerLines(offer) }));
  const { items: quotedItems, ...tax } = await taxQuoteItems({ items: pricedItems, customer: { ...customer, country, state }, now }, client);
  const allLines = quotedItems.flatMap((item) => item.lines);
  const subtotalCents = sumCents(allLines.map((line) => line.amountCents));
  const taxCents = sumCents(allLines.map((line) => line.taxCents));
  return { currency, items: quotedItems, subtotalCents, taxCents, totalCents: subtotalCents + taxCents, ...tax };
};

export type TOrderQuote = Awaited<ReturnType<typeof quoteOrder>>;
