import "server-only";
import type { TWhoisFields } from "./checkout.schemas";
import type { TOrderQuote } from "./quote-order";

/**
 * The WHOIS contact stored on the order: the registrant's own data when a domain is ordered and the customer
 * chose "Use different data"; null means the primary contact's data (and is all an order without a domain keeps).
 */
export const whoisContactOf = (fields: TWhoisFields, quote: TOrderQuote) =>
  fields.whoisSameAsPrimary || !quote.items.some((item) => item.productType === "DOMAIN")
    ? null
    : {
        company: fields.whoisCompany,
        firstName: fields.whoisFirstName,
        lastName: fields.whoisLastName,
        email: fields.whoisEmail.toLowerCase(),
        address1: fields.whoisAddress1,
        city: fields.whoisCity,
        state: fields.whoisState,
        zip: fields.whoisZip,
        country: fields.whoisCountry,
        phone: fields.whoisPhone,
      };

export type TWhoisContact = NonNullable<ReturnType<typeof whoisContactOf>>;
