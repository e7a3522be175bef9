import { ENGLISH_DOCUMENT_TEXT, type TDocumentText } from "@/server/i18n/document-text";
import { isEuMemberState, toViesCountryCode } from "./eu-vat-rates";

/** What we know about the customer's VAT number: only VALID (a VIES answer on record) earns the reverse charge. */
export type TVatNumberState = { country: string; number: string; status: "VALID" | "INVALID" | "UNAVAILABLE" | "NOT_CHECKED" };

export type TCustomerTaxProfile = {
  /** ISO 3166-1 alpha-2 billing country (Greece = GR). */
  country: string;
  state: string;
  isBusiness: boolean;
  /** The client's "is taxable" flag; off = no tax at all. */
  isTaxable: boolean;
  /** The client's tax ID, printed on the documents of a client that is not taxable. */
  taxId?: string;
  vat: TVatNumberState | null;
};

export type TSeller = { country: string; vatNumber: string };

export type TVatTreatment =
  /** Charge the tax rules of the customer's address (home VAT, an EU consumer's rate, or any local rule). */
  | { kind: "rules"; country: string; state: string; notes: string[] }
  | { kind: "reverse-charge"; notes: string[] }
  | { kind: "exempt"; notes: string[] };


/** As printed: the VIES prefix (EL for Greece) and the national part. */
export const fullVatNumber = (vat: { country: string; number: string }) => `${toViesCountryCode(vat.country)}${vat.number}`;

/**
 * The VAT decision for electronically supplied services (integrations.md §6.2; hosting and domains):
 * - client not taxable → no tax (its tax ID, if any, goes on the documents);
 * - customer in the seller's own member state → domestic VAT, business or not;
 * - business in another member state with a VAT number VIES confirmed → no VAT, "Reverse charge", both numbers;
 * - anyone else in the EU (consumers, and businesses whose number is not confirmed) → that state's rate;
 * - outside the EU → only the rules that exist for that country (none means no tax).
 * Whether a rule exists for the country is the rule lookup's business; this only decides which to look up.
 */
export const decideVatTreatment = ({
  seller,
  customer,
  text = ENGLISH_DOCUMENT_TEXT,
}: {
  seller: TSeller;
  customer: TCustomerTaxProfile;
  /** The invoice's language, for its legends. */
  text?: TDocumentText;
}): TVatTreatment => {
  if (!customer.isTaxable) return { kind: "exempt", notes: customer.taxId?.trim() ? [text.customerTaxId(customer.taxId.trim())] : [] };
  const sellerInEu = isEuMemberState(seller.country);
  const crossBorderEu = sellerInEu && isEuMemberState(customer.country) && customer.country !== seller.country;
  const vat = customer.vat;
  if (crossBorderEu && customer.isBusiness && vat?.status === "VALID" && vat.country === customer.country) {
    return {
      kind: "reverse-charge",
      notes: [text.reverseCharge, text.supplierVatNumber(seller.vatNumber), text.customerVatNumber(fullVatNumber(vat))],
    };
  }
  const notes =
    crossBorderEu && customer.isBusiness && vat?.status === "UNAVAILABLE"
      ? [text.vatUnverified(fullVatNumber(vat))]
      : [];
  return { kind: "rules", country: customer.country, state: customer.state, notes };
};
