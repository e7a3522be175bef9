import type { Metadata } from "next";
import { TextLink } from "@/components/admin/text-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { listAdminServices } from "@/server/admin/admin-service-queries";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Packages" };

const PackagesPage = async () => {
  await requireStaff("packages.read");
  const services = await listAdminServices();

  return (
    <>
      <PageHeader title="Packages" />
      {services.length === 0 ? (
        <EmptyState title="No packages yet.">A package is created for every product a client orders.</EmptyState>
      ) : (
        <DataTable
          caption="Packages"
          rows={services}
          rowKey={(service) => service.id}
          columns={[
            { header: "Package ID", cell: (service) => `#${service.number}` },
            { header: "Product", cell: (service) => service.productName },
            { header: "Client", cell: (service) => <TextLink href={`/admin/clients/${service.clientId}`}>{service.clientName}</TextLink> },
            { header: "Price", cell: (service) => formatMoney(service.priceCents, service.currency) },
            { header: "Billing Cycle", cell: (service) => billingCycleLabel(service.cycle) },
            { header: "Next Renewal", cell: (service) => formatDate(service.nextDueAt) },
            { header: "Status", cell: (service) => <StatusBadge status={service.status} /> },
            {
              header: "Actions",
              cell: (service) => (
                <TextLink href={`/admin/packages/${service.id}`} aria-label={`Manage package #${service.number}`}>
                  Manage
                </TextLink>
              ),
            },
          ]}
        />
      )}
    </>
  );
};

export default PackagesPage;
