import "server-only";
import { clientDisplayName } from "@/lib/client-display-name";
import type { TInvoiceListFilter } from "@/server/billing/billing-admin.schemas";
import { db, type DbClient } from "@/server/db";

const INVOICE_LIST_LIMIT = 200;
const clientSelect = {
  select: { id: true, number: true, companyName: true, contacts: { where: { isPrimary: true }, take: 1, select: { firstName: true, lastName: true } } },
} as const;


/** Invoices for the admin list, newest first. "unpaid" = issued and not paid in full. */
export const listAdminInvoices = async ({ filter = "all" }: { filter?: TInvoiceListFilter }, client: DbClient = db) => {
  const invoices = await client.invoice.findMany({
    where:
      filter === "unpaid"
        ? { status: "ISSUED", paymentStatus: { in: ["UNPAID", "PARTIALLY_PAID"] } }
        : filter === "paid"
          ? { paymentStatus: "PAID" }
          : {},
    orderBy: { createdAt: "desc" },
    take: INVOICE_LIST_LIMIT,
    select: {
      id: true, number: true, status: true, paymentStatus: true, totalCents: true, paidCents: true, currency: true,
      issuedAt: true, dueAt: true, paidAt: true, createdAt: true, client: clientSelect,
    },
  });
  return invoices.map(({ client: owner, ...invoice }) => ({
    ...invoice, balanceCents: invoice.totalCents - invoice.paidCents, clientId: owner.id, clientName: clientDisplayName(owner),
  }));
};

/** The invoice detail: lines with their packages, and the transactions recorded against it. */
export const getAdminInvoice = async ({ invoiceId }: { invoiceId: string }, client: DbClient = db) => {
  const invoice = await client.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true, number: true, status: true, paymentStatus: true, currency: true, subtotalCents: true, taxCents: true, totalCents: true, paidCents: true,
      issuedAt: true, dueAt: true, paidAt: true, createdAt: true, orderId: true, taxNotes: true, header: true,
      order: { select: { number: true, status: true } },
      client: clientSelect,
      lines: {
        orderBy: { position: "asc" },
        select: {
          id: true, description: true, amountCents: true, taxName: true, taxCents: true, periodStart: true, periodEnd: true,
          service: { select: { id: true, number: true, status: true } },
        },
      },
      payments: {
        orderBy: { receivedAt: "asc" },
        select: { id: true, method: true, transactionId: true, amountCents: true, currency: true, receivedAt: true, createdAt: true, recordedBy: { select: { name: true } } },
      },
    },
  });
  if (!invoice) return null;
  const { client: owner, payments, ...rest } = invoice;
  return {
    ...rest,
    balanceCents: invoice.totalCents - invoice.paidCents,
    clientId: owner.id,
    clientName: clientDisplayName(owner),
    payments: payments.map(({ recordedBy, ...payment }) => ({ ...payment, recordedByName: recordedBy?.name ?? null })),
  };
};
