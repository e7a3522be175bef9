import { AuditHistory } from "@/components/admin/audit/audit-history";
import { TableSection } from "@/components/ui/table-section";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DetailList } from "@/components/admin/detail-list";
import { InvoiceStatusBadge } from "@/components/admin/invoice-status-badge";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge, statusLabel } from "@/components/ui/status-badge";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { getAdminService } from "@/server/admin/admin-service-queries";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Package" };

const PackageDetailPage = async ({ params }: { params: Promise<{ serviceId: string }> }) => {
  await requireStaff("packages.read");
  const { serviceId } = await params;
  const service = await getAdminService({ serviceId });
  if (!service) notFound();

  return (
    <>
      <PageHeader
        title={`${service.productName} #${service.number}`}
        description={
          <span className="inline-flex items-center gap-2">
            Status: <StatusBadge status={service.status} />
          </span>
        }
      />
      <div className="space-y-6">
        <Card title="Package Details">
          <DetailList
            items={[
              { label: "Package ID", value: `#${service.number}` },
              { label: "Product", value: service.productName },
              { label: "Type", value: statusLabel(service.productType) },
              { label: "Client", value: <TextLink href={`/admin/clients/${service.clientId}`}>{service.clientName}</TextLink> },
              { label: "Order", value: service.order ? `#${service.order.number}` : "—" },
              { label: "Price", value: `${formatMoney(service.priceCents, service.currency)} (${billingCycleLabel(service.cycle)})` },
              { label: "Add-ons", value: service.extras.addons.join(", ") || "—" },
              { label: "Configurable Options", value: service.extras.options.join(", ") || "—" },
              { label: "Activated", value: formatDate(service.activatedAt) },
              { label: "Next Renewal", value: formatDate(service.nextDueAt) },
              { label: "Processing Module", value: service.module === "MANUAL" ? "Manual setup" : service.module },
              { label: "Department", value: service.departmentName ?? "—" },
            ]}
          />
        </Card>
        <Card title="Service Details">
          <DetailList
            items={[
              { label: "User Name", value: service.username ?? "—" },
              { label: "Server", value: service.server ?? "—" },
              { label: "Notes", value: service.notes ? <span className="whitespace-pre-wrap">{service.notes}</span> : "—" },
            ]}
          />
        </Card>
        <TableSection
          id="package-tasks"
          title="Tasks"
          emptyTitle="No tasks for this package."
          rows={service.tasks}
          rowKey={(task) => task.id}
          columns={[
            { header: "Task", cell: (task) => <TextLink href={`/admin/tasks/${task.id}`}>{task.title}</TextLink> },
            { header: "Created", cell: (task) => formatDate(task.createdAt) },
            { header: "Assigned To", cell: (task) => task.assigneeName ?? "—" },
            { header: "Closed", cell: (task) => formatDate(task.closedAt) },
            { header: "Status", cell: (task) => <StatusBadge status={task.status} /> },
          ]}
        />
        <TableSection
          id="package-invoices"
          title="Invoices"
          emptyTitle="No invoices for this package."
          rows={service.invoices}
          rowKey={(invoice) => invoice.id}
          columns={[
            { header: "Invoice ID", cell: (invoice) => <TextLink href={`/admin/invoices/${invoice.id}`}>{invoice.number ?? "Draft"}</TextLink> },
            { header: "Status", cell: (invoice) => <InvoiceStatusBadge status={invoice.status} paymentStatus={invoice.paymentStatus} /> },
          ]}
        />
      </div>
      <div className="mt-6">
        <AuditHistory entityType="Service" entityId={service.id} />
      </div>
    </>
  );
};

export default PackageDetailPage;
