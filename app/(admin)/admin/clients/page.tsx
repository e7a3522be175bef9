import type { Metadata } from "next";
import { TextLink } from "@/components/admin/text-link";
import { Button, ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { listAdminClients } from "@/server/admin/admin-client-queries";
import { ZListAdminClientsInput } from "@/server/admin/admin.schemas";
import { requireStaff } from "@/server/auth";
import { listClientGroups } from "@/server/clients/client-groups";
import { staffPermissions } from "@/server/staff/staff-permissions";

export const metadata: Metadata = { title: "Clients" };

type TSearchParams = { q?: string; status?: string; group?: string; page?: string };

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "ACTIVE", label: "Active" },
  { value: "INACTIVE", label: "Inactive" },
  { value: "CLOSED", label: "Closed" },
  { value: "FRAUD", label: "Fraud" },
];

const ClientsPage = async ({ searchParams }: { searchParams: Promise<TSearchParams> }) => {
  const principal = await requireStaff("clients.read");
  const params = await searchParams;
  // NOTE: a bad parameter (hand-edited URL) drops all filters rather than failing the page.
  const parsed = ZListAdminClientsInput.safeParse({ search: params.q, status: params.status || undefined, clientGroupId: params.group || undefined, page: params.page || undefined });
  const filters = parsed.success ? parsed.data : { page: 1 };
  const search = filters.search;
  const isFiltered = Boolean(search || filters.status || filters.clientGroupId);
  const [{ rows: clients, total, page, pageCount }, groups, permissions] = await Promise.all([listAdminClients(filters), listClientGroups(), staffPermissions(principal)]);
  const pageHref = (target: number) => {
    const query = new URLSearchParams({ ...(search ? { q: search } : {}), ...(filters.status ? { status: filters.status } : {}), ...(filters.clientGroupId ? { group: filters.clientGroupId } : {}), page: String(target) });
    return `/admin/clients?${query.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="Clients"
        actions={
          <div className="flex gap-2">
            <ButtonLink href="/admin/clients/groups" variant="secondary">
              Client Groups
            </ButtonLink>
            {permissions.has("clients.write") && <ButtonLink href="/admin/clients/new">Add New Client</ButtonLink>}
          </div>
        }
      />
      <form role="search" aria-label="Search clients" className="mb-4 flex flex-wrap items-end gap-3">
        <TextField id="client-search" label="Search" name="q" type="search" defaultValue={search ?? ""} hint="Company, name, e-mail or client ID" className="w-full sm:w-80" />
        <SelectField id="client-status" label="Status" name="status" defaultValue={filters.status ?? ""} options={STATUS_OPTIONS} />
        <SelectField id="client-group" label="Client Group" name="group" defaultValue={filters.clientGroupId ?? ""} options={[{ value: "", label: "Any group" }, ...groups.map((group) => ({ value: group.id, label: group.name }))]} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {clients.length === 0 ? (
        <EmptyState title={isFiltered ? "No clients match these filters." : "No clients yet."}>
          {isFiltered ? "Try another search or filter." : "Clients are created when a customer places an order, or with Add New Client."}
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
      {pageCount > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {page > 1 && <TextLink href={pageHref(page - 1)}>Previous page</TextLink>}
          <span>
            Page {page} of {pageCount} ({total} clients)
          </span>
          {page < pageCount && <TextLink href={pageHref(page + 1)}>Next page</TextLink>}
        </nav>
      )}
    </>
  );
};

export default ClientsPage;
