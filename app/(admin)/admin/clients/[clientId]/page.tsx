import { AuditHistory } from "@/components/admin/audit/audit-history";
import { TableSection } from "@/components/ui/table-section";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DetailList } from "@/components/admin/detail-list";
import { InvoiceStatusBadge } from "@/components/admin/invoice-status-badge";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { COUNTRIES } from "@/lib/countries";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { getAdminClient } from "@/server/admin/admin-client-queries";
import { requireStaff } from "@/server/auth";
import { hasPermission } from "@/server/staff/staff-permissions";
import { TaxDetailsForm } from "@/components/clients/tax-details-form";
import { AddCreditForm } from "@/components/admin/add-credit-form";

export const metadata: Metadata = { title: "Client Details" };

const countryName = (code: string) => COUNTRIES.find((country) => country.code === code)?.name ?? code;

const ClientDetailPage = async ({ params }: { params: Promise<{ clientId: string }> }) => {
  const principal = await requireStaff("clients.read");
  const [canEdit, canAddCredit] = await Promise.all([hasPermission(principal, "clients.write"), hasPermission(principal, "billing.write")]);
  const { clientId } = await params;
  const client = await getAdminClient({ clientId });
  if (!client) notFound();

  return (
    <>
      <PageHeader title={client.name} description={<>Client ID #{client.number}</>} />
      <div className="space-y-6">
        <Card title="Client Details">
          <DetailList
            items={[
              { label: "Client ID", value: `#${client.number}` },
              { label: "Company", value: client.companyName || "—" },
              { label: "Status", value: <StatusBadge status={client.status} /> },
              { label: "Country", value: `${countryName(client.country)}${client.state ? `, ${client.state}` : ""}` },
              { label: "Currency", value: client.currency },
              { label: "Client Group", value: client.groupName ?? "—" },
              { label: "Monthly Billing Day", value: client.billingDay ?? "Obey system-wide settings" },
              { label: "Is Taxable", value: client.isTaxable ? "Yes" : "No" },
              { label: "Tax ID", value: client.taxId || "—" },
              { label: "Created", value: formatDate(client.createdAt) },
            ]}
          />
        </Card>
        {canEdit && (
          <Card title="Tax Details">
            <TaxDetailsForm audience="staff" clientId={client.id} isTaxable={client.isTaxable} taxId={client.taxId} />
          </Card>
        )}
        <TableSection
          id="client-credit"
          title={`Account Credit: ${formatMoney(client.creditBalanceCents, client.currency)}`}
          emptyTitle="No credit has been added to this account."
          rows={client.creditEntries}
          rowKey={(entry) => entry.id}
          columns={[
            { header: "Date", cell: (entry) => formatDate(entry.createdAt) },
            { header: "Description", cell: (entry) => entry.description },
            { header: "Type", cell: (entry) => (entry.kind === "ADDED" ? "Added" : "Applied to invoice") },
            { header: "Amount", cell: (entry) => formatMoney(entry.amountCents, entry.currency) },
          ]}
        />
        {canAddCredit && (
          <Card title="Add Credit">
            <AddCreditForm clientId={client.id} currency={client.currency} />
          </Card>
        )}
        <TableSection
          id="client-contacts"
          title="Contacts"
          emptyTitle="No contacts yet."
          rows={client.contacts}
          rowKey={(contact) => contact.id}
          columns={[
            { header: "Name", cell: (contact) => `${contact.firstName} ${contact.lastName}${contact.isPrimary ? " (primary)" : ""}` },
            { header: "E-mail", cell: (contact) => contact.email },
            { header: "Phone", cell: (contact) => contact.phone },
            { header: "City", cell: (contact) => `${contact.city}, ${contact.country}` },
          ]}
        />
        <TableSection
          id="client-packages"
          title="Packages"
          emptyTitle="No packages yet."
          rows={client.services}
          rowKey={(service) => service.id}
          columns={[
            { header: "Package ID", cell: (service) => <TextLink href={`/admin/packages/${service.id}`}>#{service.number}</TextLink> },
            { header: "Product", cell: (service) => service.productName },
            { header: "Price", cell: (service) => formatMoney(service.priceCents, service.currency) },
            { header: "Billing Cycle", cell: (service) => billingCycleLabel(service.cycle) },
            { header: "Next Renewal", cell: (service) => formatDate(service.nextDueAt) },
            { header: "Status", cell: (service) => <StatusBadge status={service.status} /> },
          ]}
        />
        <TableSection
          id="client-invoices"
          title="Invoices"
          emptyTitle="No invoices yet."
          rows={client.invoices}
          rowKey={(invoice) => invoice.id}
          columns={[
            { header: "Invoice ID", cell: (invoice) => <TextLink href={`/admin/invoices/${invoice.id}`}>{invoice.number ?? "Draft"}</TextLink> },
            { header: "Amount", cell: (invoice) => formatMoney(invoice.totalCents, invoice.currency) },
            { header: "Entered", cell: (invoice) => formatDate(invoice.createdAt) },
            { header: "Due", cell: (invoice) => formatDate(invoice.dueAt) },
            { header: "Status", cell: (invoice) => <InvoiceStatusBadge status={invoice.status} paymentStatus={invoice.paymentStatus} /> },
          ]}
        />
      </div>
      <div className="mt-6">
        <AuditHistory entityType="Client" entityId={client.id} />
      </div>
    </>
  );
};

export default ClientDetailPage;
