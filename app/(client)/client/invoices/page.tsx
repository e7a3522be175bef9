import type { Metadata } from "next";
import { InvoiceTable } from "@/components/client/invoice-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireContact } from "@/server/clients/require-contact";
import { listClientInvoices } from "@/server/billing/invoices/invoice-queries";
import { ZListInvoicesInput } from "@/server/clients/client-area.schemas";

export const metadata: Metadata = { title: "Invoices" };

type InvoicesPageProps = { searchParams: Promise<{ sort?: string; direction?: string }> };

const InvoicesPage = async ({ searchParams }: InvoicesPageProps) => {
  const { clientId } = await requireContact("billing");
  const params = await searchParams;
  // NOTE: a hand-edited query string falls back to the default order instead of failing the page.
  const parsed = ZListInvoicesInput.safeParse({ sort: params.sort, direction: params.direction });
  const sortState = parsed.success ? parsed.data : { sort: "date" as const, direction: "desc" as const };
  const invoices = await listClientInvoices({ clientId, ...sortState });

  return (
    <>
      <PageHeader title="Invoices" description="All invoices issued to your account. Open one to see its lines, taxes and payments." />
      {invoices.length === 0 ? (
        <EmptyState title="No invoices yet.">Invoices appear here as soon as they are issued.</EmptyState>
      ) : (
        <InvoiceTable invoices={invoices} sortState={sortState} />
      )}
    </>
  );
};

export default InvoicesPage;
