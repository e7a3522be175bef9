import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceStatusBadge } from "@/components/admin/invoice-status-badge";
import { TextLink } from "@/components/admin/text-link";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { listAdminInvoices } from "@/server/admin/admin-invoice-queries";
import { requireStaff } from "@/server/auth";
import { type TInvoiceListFilter, ZListAdminInvoicesInput } from "@/server/billing/billing-admin.schemas";

export const metadata: Metadata = { title: "Invoices" };

const FILTERS: { value: TInvoiceListFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "unpaid", label: "Unpaid" },
  { value: "paid", label: "Paid" },
];

const InvoicesPage = async ({ searchParams }: { searchParams: Promise<{ filter?: string }> }) => {
  await requireStaff("billing.read");
  const parsed = ZListAdminInvoicesInput.safeParse({ filter: (await searchParams).filter });
  const filter = parsed.success ? parsed.data.filter : "all";
  const invoices = await listAdminInvoices({ filter });

  return (
    <>
      <PageHeader title="Invoices" />
      <nav aria-label="Invoice filter" className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((option) => (
            <li key={option.value}>
              <Link
                href={option.value === "all" ? "/admin/invoices" : `/admin/invoices?filter=${option.value}`}
                aria-current={filter === option.value ? "page" : undefined}
                className={cn(
                  "inline-block rounded-full px-3 py-1 text-sm font-medium ring-1",
                  filter === option.value ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {option.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {invoices.length === 0 ? (
        <EmptyState title={filter === "all" ? "No invoices yet." : `No ${filter} invoices.`}>Invoices are issued when orders are placed.</EmptyState>
      ) : (
        <DataTable
          caption="Invoices"
          rows={invoices}
          rowKey={(invoice) => invoice.id}
          columns={[
            { header: "Invoice ID", cell: (invoice) => <TextLink href={`/admin/invoices/${invoice.id}`}>{invoice.number ?? "Draft"}</TextLink> },
            { header: "Client", cell: (invoice) => <TextLink href={`/admin/clients/${invoice.clientId}`}>{invoice.clientName}</TextLink> },
            { header: "Entered", cell: (invoice) => formatDate(invoice.createdAt) },
            { header: "Due", cell: (invoice) => formatDate(invoice.dueAt) },
            { header: "Amount", cell: (invoice) => formatMoney(invoice.totalCents, invoice.currency) },
            { header: "Balance", cell: (invoice) => formatMoney(invoice.balanceCents, invoice.currency) },
            { header: "Status", cell: (invoice) => <InvoiceStatusBadge status={invoice.status} paymentStatus={invoice.paymentStatus} /> },
          ]}
        />
      )}
    </>
  );
};

export default InvoicesPage;
