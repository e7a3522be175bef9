import type { Metadata } from "next";
import { TextLink } from "@/components/admin/text-link";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { listAdminClients } from "@/server/admin/admin-client-queries";
import { ZListAdminClientsInput } from "@/server/admin/admin.schemas";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Clients" };

const ClientsPage = async ({ searchParams }: { searchParams: Promise<{ q?: string }> }) => {
  await requireStaff("clients.read");
  const parsed = ZListAdminClientsInput.safeParse({ search: (await searchParams).q });
  const search = parsed.success ? parsed.data.search : undefined;
  const clients = await listAdminClients({ search });

  return (
    <>
      <PageHeader title="Clients" />
      <form role="search" aria-label="Search clients" className="mb-4 flex flex-wrap items-end gap-3">
        <TextField id="client-search" label="Search" name="q" type="search" defaultValue={search ?? ""} hint="Company, name, e-mail or client ID" className="w-full sm:w-80" />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {clients.length === 0 ? (
        <EmptyState title={search ? `No clients match "${search}".` : "No clients yet."}>
          {search ? "Try another search." : "Clients are created when a customer places an order."}
        </EmptyState>
      ) : (
        <DataTable
          caption="Clients"
          rows={clients}
          rowKey={(client) => client.id}
          columns={[
            { header: "Client ID", cell: (client) => <TextLink href={`/admin/clients/${client.id}`}>#{client.number}</TextLink> },
            { header: "Name", cell: (client) => client.name },
            { header: "E-mail", cell: (client) => client.email ?? "—" },
            { header: "Country", cell: (client) => client.country },
            { header: "Packages", cell: (client) => client.packageCount },
            { header: "Invoices", cell: (client) => client.invoiceCount },
            { header: "Created", cell: (client) => formatDate(client.createdAt) },
            { header: "Status", cell: (client) => <StatusBadge status={client.status} /> },
          ]}
        />
      )}
    </>
  );
};

export default ClientsPage;
