import { eventType } from "inngest";
import { z } from "zod";

// Every event the product sends, declared once with its schema (house-style.md, Workflows).
// Facts are past tense; commands end in "requested".

/** An invoice became fully paid. Starts provisioning of the packages it pays for. */
export const invoicePaid = eventType("billing/invoice.paid", {
  schema: z.object({ invoiceId: z.string().min(1) }),
});

/** Staff closed a task; a workflow waiting on it resumes. */
export const taskClosed = eventType("tasks/task.closed", {
  schema: z.object({ taskId: z.string().min(1) }),
});

/** An outbox mail is due for delivery (queued, retry due, or resent by staff). Starts deliver-mail. */
export const mailQueued = eventType("mail/queued", {
  schema: z.object({ mailId: z.string().min(1) }),
});

/** VIES could not answer for a VAT number (unavailable, timeout); starts recheck-vat-number. */
export const vatRecheckRequested = eventType("tax/vat-number.recheck-requested", {
  schema: z.object({ vatNumberId: z.string().min(1) }),
});
