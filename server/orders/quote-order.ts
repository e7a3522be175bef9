import "server-only";
import { resolveOffers, type TOfferRef } from "@/server/catalog/catalog-queries";
import { offerLines } from "@/server/catalog/offer-lines";
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
 * Prices an order the way its invoice will be priced: one line per product and cycle, add-on and option, a
 * separate line for each setup fee (server/catalog/offer-lines.ts), tax computed and rounded once per line,
 * totals as sums of rounded lines. References are untrusted; each must resolve in the catalog in the currency
 * (server/catalog/catalog-queries.ts resolveOffers), or nothing is quoted and the error says why.
 */
export const quoteOrder = async ({ items, currency, country, state, now }: QuoteOrderOptions, client: DbClient = db) => {
  const resolutions = await resolveOffers({ refs: items, currency }, client);
  const problem = resolutions.find((resolution) => resolution.problem)?.problem;
  if (problem || resolutions.length === 0) {
    const message = resolutions.length === 0 ? "Your cart is empty." : problem!;
    throw new AppError("PRODUCT_UNAVAILABLE", { userMessage: message, fieldErrors: { items: [message] } });
  }
  const rule = await findTaxRule({ country, state, at: now }, client);
  const quotedItems = resolutions.flatMap(({ offer }) => (offer ? [offer] : [])).map((offer) => ({
    ...offer,
    lines: offerLines(offer).map((line) => ({ ...line, ...computeLineTax({ amountCents: line.amountCents, rule }) })),
  }));
  const allLines = quotedItems.flatMap((item) => item.lines);
  const subtotalCents = sumCents(allLines.map((line) => line.amountCents));
  const taxCents = sumCents(allLines.map((line) => line.taxCents));
  return { currency, items: quotedItems, tax: rule, subtotalCents, taxCents, totalCents: subtotalCents + taxCents };
};

export type TOrderQuote = Awaited<ReturnType<typeof quoteOrder>>;
