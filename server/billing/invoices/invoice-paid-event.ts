import "server-only";
import type { DbClient } from "@/server/db";
import { emitEvents } from "@/server/workflows/emit";
import { invoicePaid } from "@/server/workflows/events";

/**
 * The deterministic id of an invoice's `billing/invoice.paid`: the payment's announcement is number 0, and every
 * re-send (staff or reconciliation) gets the next number.
 * WARNING: the format is what deduplicates: both engines drop a repeated id within 24 h, so a retried delivery
 * of one announcement never starts a second run. A re-send therefore needs a new id, or it would be dropped
 * whenever the original was delivered but its run was lost (resend-invoice-paid-event.ts).
 */
export const invoicePaidEventId = (invoiceId: string, resendNumber = 0) =>
  resendNumber === 0 ? `invoice-paid-${invoiceId}` : `invoice-paid-${invoiceId}-resend-${resendNumber}`;

/** Announces in `tx` that the invoice is paid; provisioning starts when it commits. Returns the event id. */
export const emitInvoicePaid = async ({ invoiceId, resendNumber = 0 }: { invoiceId: string; resendNumber?: number }, tx: DbClient) => {
  const id = invoicePaidEventId(invoiceId, resendNumber);
  await emitEvents([invoicePaid.create({ invoiceId }, { id })], tx);
  return id;
};
