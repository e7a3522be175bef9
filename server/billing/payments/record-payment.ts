import "server-only";
import { type TAuditActor, writeAuditEntry } from "@/server/audit/write-audit-entry";
import { formatMoney } from "@/lib/format-money";
import { db, type DbClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { pokeEventDelivery } from "@/server/workflows/emit";
import { emitInvoicePaid } from "../invoices/invoice-paid-event";

export type RecordPaymentOptions = {
  invoiceId: string;
  /** Only offline methods are recorded by staff; gateway payments arrive through their webhooks. */
  method: "BANK_TRANSFER" | "MANUAL";
  /** The bank's or payer's reference. With `method` it identifies the money: it is never recorded twice. */
  transactionId: string;
  amountCents: number;
  /** When the money arrived, as the bank statement says. */
  receivedAt: Date;
  staffId: string;
  now: Date;
};

export type RecordPaymentResult = {
  paymentId: string;
  invoiceId: string;
  paymentStatus: "PARTIALLY_PAID" | "PAID";
  paidCents: number;
  balanceCents: number;
};

/** A payment as it is written, by staff ("Add Payment") or by checkout (Account Credit). */
export type TPaymentEntry = Omit<RecordPaymentOptions, "method" | "staffId"> & {
  method: RecordPaymentOptions["method"] | "ACCOUNT_CREDIT";
  /** Who recorded it: the audit entry's actor; a staff member is also the payment's "recorded by". */
  actor: TAuditActor;
};

const amountError = (message: string) =>
  new AppError("INVALID_INPUT", { userMessage: message, fieldErrors: { amountCents: [message] } });

/**
 * Everything that must commit together: the payment, the invoice's paid amount and status, the order, the audit
 * entry and, when the invoice became paid, the `billing/invoice.paid` event that starts provisioning. Run it in
 * the caller's transaction, and call pokeEventDelivery() after the commit when it made the invoice PAID.
 */
export const applyPayment = async (entry: TPaymentEntry, tx: DbClient) => {
  const { invoiceId, method, transactionId, amountCents, receivedAt, actor, now } = entry;
  const invoice = await tx.invoice.findUnique({
    where: { id: invoiceId },
    select: { id: true, clientId: true, orderId: true, status: true, paymentStatus: true, currency: true, totalCents: true, paidCents: true },
  });
  if (!invoice) throw new AppError("NOT_FOUND", { userMessage: "This invoice does not exist." });

  const existing = await tx.payment.findUnique({ where: { method_transactionId: { method, transactionId } }, select: { invoiceId: true } });
  if (existing) {
    throw new AppError("DUPLICATE_PAYMENT", {
      userMessage: `Transaction ID "${transactionId}" was already recorded${existing.invoiceId === invoiceId ? " on this invoice" : " on another invoice"}. Nothing was added.`,
      fieldErrors: { transactionId: ["This transaction ID was already recorded."] },
    });
  }
  if (invoice.paymentStatus === "PAID") {
    throw new AppError("INVOICE_ALREADY_PAID", { userMessage: "This invoice is already paid in full. No payment was added." });
  }
  if (invoice.status !== "ISSUED") {
    throw new AppError("INVALID_STATE_TRANSITION", {
      userMessage: invoice.status === "DRAFT" ? "This invoice has not been issued yet, so it cannot take payments." : "This invoice is void and cannot take payments.",
    });
  }

  const balanceCents = invoice.totalCents - invoice.paidCents;
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw amountError("Enter an amount greater than zero.");
  if (amountCents > balanceCents) {
    throw amountError(`The amount cannot be more than the balance due of ${formatMoney(balanceCents, invoice.currency)}.`);
  }
  if (receivedAt.getTime() > now.getTime()) {
    const message = "The date received cannot be in the future.";
    throw new AppError("INVALID_INPUT", { userMessage: message, fieldErrors: { receivedAt: [message] } });
  }

  // NOTE: the unique (method, transactionId) is the real guard: a concurrent request with the same transaction ID
  // waits on the index here and then inserts nothing, so the money is never counted twice.
  const recordedById = actor.kind === "staff" ? actor.staffId : null;
  const payment = { invoiceId, clientId: invoice.clientId, method, transactionId, amountCents, currency: invoice.currency, receivedAt, recordedById };
  const { count } = await tx.payment.createMany({ data: [payment], skipDuplicates: true });
  if (count !== 1) {
    throw new AppError("DUPLICATE_PAYMENT", {
      userMessage: `Transaction ID "${transactionId}" was already recorded. Nothing was added.`,
      fieldErrors: { transactionId: ["This transaction ID was already recorded."] },
    });
  }
  const { id: paymentId } = await tx.payment.findUniqueOrThrow({ where: { method_transactionId: { method, transactionId } }, select: { id: true } });

  const paidCents = invoice.paidCents + amountCents;
  const isPaid = paidCents === invoice.totalCents;
  const paymentStatus = isPaid ? "PAID" : "PARTIALLY_PAID";
  // NOTE: conditional on the paid amount we read, so two different payments racing on one invoice cannot both
  // pass the balance check; the loser rolls back with its payment row.
  const updated = await tx.invoice.updateMany({
    where: { id: invoiceId, status: "ISSUED", paidCents: invoice.paidCents },
    data: { paidCents, paymentStatus, paidAt: isPaid ? now : null },
  });
  if (updated.count !== 1) {
    throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "The invoice changed while the payment was being recorded. Reload it and try again." });
  }
  if (isPaid && invoice.orderId) {
    // A paid order is handed to provisioning; an order staff already cancelled or marked fraud stays as it is.
    await tx.order.updateMany({ where: { id: invoice.orderId, status: "PENDING" }, data: { status: "ACTIVE" } });
  }
  await writeAuditEntry(
    {
      actor,
      action: "invoice.payment-recorded",
      entity: { type: "Invoice", id: invoiceId },
      before: { paidCents: invoice.paidCents, paymentStatus: invoice.paymentStatus },
      after: { paidCents, paymentStatus, ...(isPaid ? { paidAt: now } : {}) },
      details: { paymentId, method, transactionId, amountCents, currency: invoice.currency },
    },
    tx,
  );
  if (isPaid) await emitInvoicePaid({ invoiceId }, tx);
  return { paymentId, invoiceId, paymentStatus, paidCents, balanceCents: invoice.totalCents - paidCents } as const;
};

/**
 * Records money received outside the system ("Add Payment") against an ISSUED invoice.
 * A partial amount leaves the invoice PARTIALLY_PAID; the last cent makes it PAID and its order ACTIVE, and
 * announces `billing/invoice.paid` in the same transaction (the transactional outbox, emit.ts): the event exists
 * exactly when the payment does, so a paid client is never left unprovisioned by a failed send.
 * The same (method, transaction ID) is refused with DUPLICATE_PAYMENT and nothing changes.
 *
 * NOTE: takes the root client and owns its transaction, so it can wake event delivery right after the commit.
 */
export const recordPayment = async (options: RecordPaymentOptions, client: typeof db = db): Promise<RecordPaymentResult> => {
  const { staffId, ...payment } = options;
  const result = await client.$transaction((tx) => applyPayment({ ...payment, actor: { kind: "staff", staffId } }, tx));
  if (result.paymentStatus === "PAID") pokeEventDelivery();
  return result;
};
