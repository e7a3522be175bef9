import "server-only";
import type { TDocumentText } from "@/server/i18n/document-text";
import type { ProductType } from "@/server/db/generated/client";
import { type DbClient, db } from "@/server/db";
import type { Cents } from "@/server/money/money";
import { computeLineTaxes, type TTaxedLine } from "./compute-line-taxes";
import { decideVatTreatment, fullVatNumber, type TVatNumberState } from "./decide-vat-treatment";
import { findTaxRules } from "./find-tax-rules";
import { selectTaxRules } from "./select-tax-rules";
import { getTaxSettings } from "./tax-settings";
import { parseVatNumber } from "./vat-number";

/** Who is buying, as far as tax goes. Country and state are the billing address (ISO codes). */
export type TCustomerTaxInput = {
  country: string;
  state: string;
  vatNumber?: string;
  isBusiness?: boolean;
  /** The client's "is taxable" flag; a new customer is taxable. */
  isTaxable?: boolean;
  /** The client's tax ID (Client.taxId), shown on the documents when it is not taxable. */
  taxId?: string;
  /** A VIES answer just received and not stored (the quote creates nothing); otherwise the stored status counts. */
  vatStatus?: "VALID" | "INVALID" | "UNAVAILABLE";
};

export type TTaxableLine = { priceCents: Cents; productType: ProductType };

export type TVatSummary = {
  number: string;
  status: "valid" | "invalid" | "unavailable" | "not-checked";
  consultationNumber?: string;
  checkedAt?: Date;
};

/** The latest VIES answer on record for the number (quoting never calls VIES; verifyVatNumber does). */
const findVatNumberState = async (vatNumber: string, billingCountry: string, liveStatus: TCustomerTaxInput["vatStatus"], client: DbClient) => {
  const parsed = parseVatNumber(vatNumber, billingCountry);
  if (!parsed) return { state: null, summary: { number: vatNumber.trim(), status: "invalid" as const } };
  const stored = await client.vatNumber.findUnique({
    where: { country_number: parsed },
    select: { status: true, verifiedAt: true, checks: { orderBy: { checkedAt: "desc" }, take: 1, select: { consultationNumber: true, checkedAt: true } } },
  });
  const storedStatus: TVatNumberState["status"] = stored ? (stored.verifiedAt && stored.status !== "INVALID" ? "VALID" : stored.status) : "NOT_CHECKED";
  const status = liveStatus ?? storedStatus;
  const latest = stored?.checks[0];
  const summary: TVatSummary = {
    number: fullVatNumber(parsed),
    status: status === "NOT_CHECKED" ? "not-checked" : (status.toLowerCase() as TVatSummary["status"]),
    ...(latest?.consultationNumber ? { consultationNumber: latest.consultationNumber } : {}),
    ...(latest ? { checkedAt: latest.checkedAt } : {}),
  };
  return { state: { ...parsed, status }, summary };
};

/**
 * Taxes for the lines of one quote or order: decides the VAT treatment once (integrations.md §6.2), then
 * taxes each line with the rules of its product type, rounded per line. The lines come back in order, each
 * with its net amount (with tax-inclusive prices, the shown price less the extracted tax).
 */
export const quoteTaxes = async (
  { customer, lines, now, text }: { customer: TCustomerTaxInput; lines: readonly TTaxableLine[]; now: Date; text?: TDocumentText },
  client: DbClient = db,
): Promise<{ lines: TTaxedLine[]; reverseCharge: boolean; notes: string[]; vat: TVatSummary | null }> => {
  const country = customer.country.trim().toUpperCase();
  const [{ seller, pricesIncludeTax }, vat] = await Promise.all([
    getTaxSettings(client),
    customer.vatNumber?.trim() ? findVatNumberState(customer.vatNumber, country, customer.vatStatus, client) : null,
  ]);
  const treatment = decideVatTreatment({
    seller,
    text,
    customer: {
      country, state: customer.state, isBusiness: customer.isBusiness ?? Boolean(vat), isTaxable: customer.isTaxable ?? true, taxId: customer.taxId, vat: vat?.state ?? null,
    },
  });
  const rules = treatment.kind === "rules" ? await findTaxRules({ country, at: now }, client) : [];
  const taxedLines = lines.map(({ priceCents, productType }) =>
    computeLineTaxes({
      priceCents,
      rules: treatment.kind === "rules" ? selectTaxRules(rules, { country, state: customer.state, productType, at: now }) : [],
      // NOTE: without tax (exempt, reverse charge) an inclusive price is charged as shown: nothing to extract.
      pricesIncludeTax,
    }),
  );
  return { lines: taxedLines, reverseCharge: treatment.kind === "reverse-charge", notes: treatment.notes, vat: vat?.summary ?? null };
};
