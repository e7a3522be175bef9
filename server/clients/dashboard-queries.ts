import "server-only";
import { getClientBalanceDue, listClientInvoices } from "@/server/billing/invoices/invoice-queries";
import { type DbClient, db } from "@/server/db";
import { countClientPackagesByStatus } from "@/server/services/package-queries";

const RECENT_INVOICE_COUNT = 5;

/** The client-area dashboard: what is owed, packages by status, the latest invoices. */
export const getClientDashboard = async ({ clientId }: { clientId: string }, client: DbClient = db) => {
  const [account, balanceDue, packagesByStatus, invoices] = await Promise.all([
    client.client.findUniqueOrThrow({ where: { id: clientId }, select: { taxId: true, currency: true, creditBalanceCents: true } }),
    getClientBalanceDue({ clientId }, client),
    countClientPackagesByStatus({ clientId }, client),
    listClientInvoices({ clientId, sort: "date", direction: "desc", take: RECENT_INVOICE_COUNT }, client),
  ]);
  return { taxId: account.taxId, credit: { currency: account.currency, balanceCents: account.creditBalanceCents }, balanceDue, packagesByStatus, recentInvoices: invoices };
};
