import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceTable } from "@/components/client/invoice-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/format-money";
import { requireContact } from "@/server/clients/require-contact";
import { getClientDashboard } from "@/server/clients/dashboard-queries";
import { TaxDetailsForm } from "@/components/clients/tax-details-form";

export const metadata: Metadata = { title: "Dashboard" };

const DashboardPage = async () => {
  const { clientId, name } = await requireContact("account", { redirectWithout: true });
  const { taxId, balanceDue, packagesByStatus, recentInvoices } = await getClientDashboard({ clientId });
  const unpaidInvoiceCount = balanceDue.reduce((count, due) => count + due.invoiceCount, 0);

  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome, ${name}.`} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Unpaid Invoices">
          {balanceDue.length === 0 ? (
            <p className="text-sm text-slate-700">You have no unpaid invoices.</p>
          ) : (
            <div className="space-y-1">
              {balanceDue.map((due) => (
                <p key={due.currency} className="text-2xl font-bold tabular-nums text-slate-900">
                  {formatMoney(due.dueCents, due.currency)}
                </p>
              ))}
              <p className="text-sm text-slate-600">
                {unpaidInvoiceCount === 1 ? "1 invoice is" : `${unpaidInvoiceCount} invoices are`} waiting for payment.{" "}
                <Link href="/client/invoices?sort=status&direction=desc" className="font-medium text-brand-700 underline">
                  View invoices
                </Link>
              </p>
            </div>
          )}
        </Card>
        <Card title="Packages">
          {packagesByStatus.length === 0 ? (
            <p className="text-sm text-slate-700">You have no packages yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {packagesByStatus.map((group) => (
                <li key={group.status} className="flex items-center justify-between gap-2">
                  <StatusBadge status={group.status} />
                  <span className="tabular-nums text-slate-800">
                    {group.count} {group.count === 1 ? "package" : "packages"}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm">
            <Link href="/client/packages" className="font-medium text-brand-700 underline">
              View packages
            </Link>
          </p>
        </Card>
      </div>
      <Card title="Tax Details" className="mt-4">
        <TaxDetailsForm audience="client" taxId={taxId} />
      </Card>
      <section aria-labelledby="recent-invoices" className="mt-8">
        <h2 id="recent-invoices" className="mb-3 text-lg font-semibold text-slate-900">
          Recent Invoices
        </h2>
        {recentInvoices.length === 0 ? (
          <EmptyState title="No invoices yet.">Invoices appear here as soon as they are issued.</EmptyState>
        ) : (
          <InvoiceTable invoices={recentInvoices} />
        )}
      </section>
    </>
  );
};

export default DashboardPage;
