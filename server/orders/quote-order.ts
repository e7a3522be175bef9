import "server-only";
import { resolveOffers, type TOfferRef } from "@/server/catalog/catalog-queries";
import { offerLines } from "@/server/catalog/offer-lines";
import { applyPromoCode } from "@/server/promotions/apply-promo-code";
import { applyClientGroupDiscount, type TClientGroupDiscount } from "@/server/clients/apply-client-group-discount";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import { documentText } from "@/server/i18n/document-text";
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
  /** A promo code as typed; empty or absent: none. */
  promoCode?: string;
  /** The ordering client, for the promo code's "new clients only" and "once per client" (null: a new account). */
  clientId?: string | null;
  /** The client's group (its discount), when the caller has read it with the account; absent: read by clientId. */
  clientGroup?: TClientGroupDiscount | null;
  /** The language the invoice is issued in (its line descriptions and tax legends); English by default. */
  language?: string;
  now: Date;
};

/**
 * Prices an order the way its invoice will be priced: one line per product and cycle, add-on and option, a
 * separate line for each setup fee (server/catalog/offer-lines.ts), the client group's and the promo code's
 * discount lines, tax computed and rounded once per line
 * (server/tax/tax-quote-items.ts), totals as sums of rounded lines. References are untrusted; each must resolve
 * in the catalog in the currency (server/catalog/catalog-queries.ts resolveOffers), or nothing is quoted and the
 * error says why.
 */
export const quoteOrder = async ({ items, currency, country, state, customer, promoCode, clientId = null, clientGroup, language, now }: QuoteOrderOptions, client: DbClient = db) => {
  const text = documentText(language);
  const resolutions = await resolveOffers({ refs: items, currency }, client);
  const problem = resolutions.find((resolution) => resolution.problem)?.problem;
  if (problem || resolutions.length === 0) {
    const message = resolutions.length === 0 ? "Your cart is empty." : problem!;
    throw new AppError("PRODUCT_UNAVAILABLE", { userMessage: message, fieldErrors: { items: [message] } });
  }
  const catalogItems = resolutions.flatMap(({ offer }) => (offer ? [offer] : [])).map((offer) => ({ ...offer, lines: offerLines(offer, text) }));
  const pricedItems = await applyClientGroupDiscount({ items: catalogItems, clientId, clientGroup, text }, client);
  const discounted = promoCode?.trim() ? await applyPromoCode({ code: promoCode, items: pricedItems, currency, clientId, now, text }, client) : null;
  const { items: quotedItems, ...tax } = await taxQuoteItems({ items: discounted?.items ?? pricedItems, customer: { ...customer, country, state }, now, text }, client);
  const allLines = quotedItems.flatMap((item) => item.lines);
  const subtotalCents = sumCents(allLines.map((line) => line.amountCents));
  const taxCents = sumCents(allLines.map((line) => line.taxCents));
  // NOTE: the subtotal is net of the discount lines it includes; `discountCents` is what they take off, for display.
  const discountCents = -sumCents(allLines.filter((line) => line.kind === "DISCOUNT").map((line) => line.amountCents));
  return { currency, items: quotedItems, subtotalCents, discountCents, taxCents, totalCents: subtotalCents + taxCents, promo: discounted?.promo ?? null, ...tax };
};

export type TOrderQuote = Awaited<ReturnType<typeof quoteOrder>>;
