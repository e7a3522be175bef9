import "server-only";
import { type DbClient, db } from "@/server/db";
import { type Cents, sumCents } from "@/server/money/money";
import { invoiceHeaderForClient } from "@/server/brands/brand-queries";
import { claimInvoiceNumber } from "./claim-invoice-number";

/** Days a new invoice stays open before it is due. */
export const INVOICE_DUE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type TIssueInvoiceLine = {
  description: string;
  serviceId: string | null;
  amountCents: Cents;
  taxName: string | null;
  /** Every tax on the line, each already rounded (server/tax/compute-line-taxes.ts). */
  taxes: readonly { name: string; rate: string; amountCents: Cents }[];
  /** The sum of `taxes`. */
  taxCents: Cents;
};

export type IssueInvoiceOptions = {
  clientId: string;
  orderId: string | null;
  currency: string;
  lines: readonly TIssueInvoiceLine[];
  /** Tax legends for the invoice, e.g. "Reverse charge" and both VAT numbers (server/tax/decide-vat-treatment.ts). */
  taxNotes?: readonly string[];
  /** The seller block (invoiceHeaderForClient), when the caller has read it in the same transaction; absent: read here. */
  header?: string;
  now: Date;
};

/**
 * Creates an invoice that is ISSUED at once: numbered from the sequence and with its totals frozen as sums of
 * the rounded lines. Run it inside the caller's transaction so the number is only used if everything commits.
 * Issued invoices never change afterwards (the seller header is copied in too); corrections are credit notes.
 */
export const issueInvoice = async ({ clientId, orderId, currency, lines, taxNotes = [], header: knownHeader, now }: IssueInvoiceOptions, client: DbClient = db) => {
  if (lines.length === 0) {
    throw new Error("An invoice needs at least one line");
  }
  const subtotalCents = sumCents(lines.map((line) => line.amountCents));
  const taxCents = sumCents(lines.map((line) => line.taxCents));
  const header = knownHeader ?? (await invoiceHeaderForClient({ clientId }, client));
  const number = await claimInvoiceNumber({}, client);
  return client.invoice.create({
    data: {
      number,
      clientId,
      orderId,
      status: "ISSUED",
      paymentStatus: "UNPAID",
      currency,
      subtotalCents,
      taxCents,
      totalCents: subtotalCents + taxCents,
      issuedAt: now,
      dueAt: new Date(now.getTime() + INVOICE_DUE_DAYS * DAY_MS),
      taxNotes: [...taxNotes],
      header,
      lines: { create: lines.map((line, index) => ({ ...line, taxes: line.taxes.map((tax) => ({ ...tax })), position: index + 1 })) },
    },
    select: { id: true, number: true, subtotalCents: true, taxCents: true, totalCents: true, dueAt: true, currency: true },
  });
};
