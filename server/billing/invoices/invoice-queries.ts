import "server-only";
import { type DbClient, db } from "@/server/db";
import { readLineTaxes } from "@/server/tax/line-taxes";
import { ZRecordId } from "@/server/validation/safe-text";

// Client-area reads. Every query is scoped by clientId: another client's invoice is simply not found.

export const INVOICE_SORT_KEYS = ["date", "amount", "status"] as const;
export type TInvoiceSortKey = (typeof INVOICE_SORT_KEYS)[number];
export type TSortDirection = "asc" | "desc";

const orderByFor = (sort: TInvoiceSortKey, direction: TSortDirection) => {
  switch (sort) {
    case "amount":
      return [{ totalCents: direction }, { issuedAt: "desc" as const }];
    case "status":
      // NOTE: "status" is what the client sees, i.e. Unpaid / Partially Paid / Paid, then the document status.
      return [{ paymentStatus: direction }, { status: direction }, { issuedAt: "desc" as const }];
    case "date":
      return [{ issuedAt: direction }, { createdAt: direction }];
  }
};

/** Issued and void invoices of one client; drafts are staff-only and never listed. */
export const listClientInvoices = async (
  {
    clientId,
    sort = "date",
    direction = "desc",
    take,
  }: { clientId: string; sort?: TInvoiceSortKey; direction?: TSortDirection; take?: number },
  client: DbClient = db,
) =>
  client.invoice.findMany({
    where: { clientId, status: { not: "DRAFT" } },
    orderBy: orderByFor(sort, direction),
    take,
    select: {
      id: true,
      number: true,
      status: true,
      paymentStatus: true,
      currency: true,
      totalCents: true,
      paidCents: true,
      issuedAt: true,
      dueAt: true,
    },
  });

/** One invoice with its lines and payments, or null when it is not this client's (or a draft). */
export const getClientInvoice = async ({ clientId, invoiceId }: { clientId: string; invoiceId: string }, client: DbClient = db) =>
  // NOTE: the page passes its URL segment as is; a malformed ID is simply not found (never a database error).
  !ZRecordId.safeParse(invoiceId).success ? null : client.invoice
    .findFirst({
    where: { id: invoiceId, clientId, status: { not: "DRAFT" } },
    select: {
      id: true,
      number: true,
      status: true,
      paymentStatus: true,
      currency: true,
      subtotalCents: true,
      taxCents: true,
      totalCents: true,
      paidCents: true,
      issuedAt: true,
      dueAt: true,
      paidAt: true,
      taxNotes: true,
      header: true,
      lines: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          description: true,
          amountCents: true,
          taxName: true,
          taxes: true,
          taxCents: true,
          periodStart: true,
          periodEnd: true,
          service: { select: { id: true, number: true } },
        },
      },
      payments: {
        orderBy: { receivedAt: "asc" },
        select: { id: true, transactionId: true, method: true, amountCents: true, currency: true, receivedAt: true },
      },
    },
  })
    .then((invoice) => invoice && { ...invoice, lines: invoice.lines.map((line) => ({ ...line, taxes: readLineTaxes(line.taxes) })) });

export type TClientInvoice = NonNullable<Awaited<ReturnType<typeof getClientInvoice>>>;

/** What the client still owes on issued invoices, per currency (a client is billed in one, but never assume). */
export const getClientBalanceDue = async ({ clientId }: { clientId: string }, client: DbClient = db) => {
  const groups = await client.invoice.groupBy({
    by: ["currency"],
    where: { clientId, status: "ISSUED", paymentStatus: { not: "PAID" } },
    _sum: { totalCents: true, paidCents: true },
    _count: { _all: true },
  });
  return groups.map((group) => ({
    currency: group.currency,
    invoiceCount: group._count._all,
    dueCents: (group._sum.totalCents ?? 0) - (group._sum.paidCents ?? 0),
  }));
};
