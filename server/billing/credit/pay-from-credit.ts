import "server-only";
import type { TAuditActor } from "@/server/audit/write-audit-entry";
import { formatMoney } from "@/lib/format-money";
import type { DbClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { applyPayment } from "../payments/record-payment";

/** The refusal when the credit does not cover an order: it names both amounts, so the client can choose. */
export const insufficientCreditError = ({ balanceCents, totalCents, currency }: { balanceCents: number; totalCents: number; currency: string }) => {
  const message = `Your account credit of ${formatMoney(balanceCents, currency)} does not cover the total of ${formatMoney(totalCents, currency)}. Choose Bank Transfer.`;
  return new AppError("INSUFFICIENT_CREDIT", { userMessage: message, fieldErrors: { paymentMethod: [message] } });
};

/**
 * Pays an issued invoice in full from the client's account credit (the Account Credit payment method), in the
 * caller's transaction: the balance goes down by one conditional update (so two orders racing for the same
 * credit cannot both spend it), the ledger gets its APPLIED entry (unique per invoice), and applyPayment
 * records the payment, marks the invoice PAID and emits `billing/invoice.paid`. Call pokeEventDelivery() after
 * the commit.
 */
export const payInvoiceFromCredit = async ({ invoiceId, actor, now }: { invoiceId: string; actor: TAuditActor; now: Date }, tx: DbClient) => {
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { number: true, clientId: true, currency: true, totalCents: true, paidCents: true } });
  const amountCents = invoice.totalCents - invoice.paidCents;
  const spent = await tx.client.updateMany({
    where: { id: invoice.clientId, currency: invoice.currency, creditBalanceCents: { gte: amountCents } },
    data: { creditBalanceCents: { decrement: amountCents } },
  });
  if (spent.count !== 1) {
    const { creditBalanceCents } = await tx.client.findUniqueOrThrow({ where: { id: invoice.clientId }, select: { creditBalanceCents: true } });
    throw insufficientCreditError({ balanceCents: creditBalanceCents, totalCents: amountCents, currency: invoice.currency });
  }
  await tx.creditEntry.create({
    data: { clientId: invoice.clientId, kind: "APPLIED", amountCents: -amountCents, currency: invoice.currency, description: `Invoice ${invoice.number ?? invoiceId}`, invoiceId },
  });
  return applyPayment({ invoiceId, method: "ACCOUNT_CREDIT", transactionId: `credit:${invoiceId}`, amountCents, receivedAt: now, actor, now }, tx);
};
