import { z } from "zod";
import { ZRecordId } from "@/server/validation/safe-text";

/** "unpaid" = issued and not paid in full. */
export const INVOICE_LIST_FILTERS = ["all", "unpaid", "paid"] as const;
export type TInvoiceListFilter = (typeof INVOICE_LIST_FILTERS)[number];

export const ZListAdminInvoicesInput = z.object({ filter: z.enum(INVOICE_LIST_FILTERS).default("all") });

export const ZInvoiceIdInput = z.object({ invoiceId: ZRecordId });

/** "Add Payment": money received by bank transfer, entered by staff. */
export const ZAddPaymentInput = z.object({
  invoiceId: ZRecordId,
  /** Minor units of the invoice's currency; the form converts the typed amount with lib/parse-money. */
  amountCents: z.number({ error: "Enter the amount received." }).int("Enter a whole number of cents.").safe(),
  /** The day the money arrived (YYYY-MM-DD, UTC). */
  receivedOn: z.iso.date({ error: "Enter the date the money was received." }),
  transactionId: z
    .string()
    .trim()
    .min(1, "Enter the transaction ID from the bank statement.")
    .max(100, "Use at most 100 characters."),
});
export type TAddPaymentInput = z.infer<typeof ZAddPaymentInput>;
