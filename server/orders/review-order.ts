import "server-only";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { assertEmailAvailable } from "@/server/clients/assert-email-available";
import { type DbClient, db } from "@/server/db";
import type { TQuoteOrderFields } from "./checkout.schemas";
import { quoteOrder } from "./quote-order";
import { verifyVatNumberForOrder } from "@/server/tax/vies/verify-vat-number";

/** A new customer is taxable; giving a VAT number says it orders as a business. */
export const taxCustomer = (fields: { vatNumber: string }) => ({ vatNumber: fields.vatNumber, isBusiness: Boolean(fields.vatNumber), isTaxable: true });

export type ReviewOrderOptions = { fields: TQuoteOrderFields; now: Date };

/**
 * "Continue" on Order Summary: refuses a taken e-mail early (so the customer can sign in instead) and prices
 * the order with the taxes of the billing address. Creates nothing; placeOrder checks all of it again.
 */
export const reviewOrder = async ({ fields, now }: ReviewOrderOptions, client: DbClient = db) => {
  await assertEmailAvailable({ email: fields.email }, client);
  // NOTE: VIES is asked, but nothing is stored until the order is placed (the quote creates nothing).
  const vat = fields.vatNumber ? await verifyVatNumberForOrder({ vatNumber: fields.vatNumber, billingCountry: fields.country, now, record: false }, client) : null;
  return quoteOrder(
    {
      items: fields.items, currency: fields.currency ?? STOREFRONT_CURRENCY, country: fields.country, state: fields.state, now, promoCode: fields.promoCode,
      language: fields.language,
      customer: { ...taxCustomer(fields), ...(vat ? { vatStatus: vat.status } : {}) },
    },
    client,
  );
};
