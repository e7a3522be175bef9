import type { Metadata } from "next";
import { InvoiceStatusBadge } from "@/components/admin/invoice-status-badge";
import { TextLink } from "@/components/admin/text-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge, statusLabel } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { listAdminOrders } from "@/server/admin/admin-order-queries";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Orders" };

const OrdersPage = async () => {
  await requireStaff("orders.read");
  const orders = await listAdminOrders();

  return (
    <>
      <PageHeader title="Orders" />
      {orders.length === 0 ? (
        <EmptyState title="No orders yet.">Orders placed in the storefront appear here.</EmptyState>
      ) : (
        <DataTable
          caption="Orders"
          rows={orders}
          rowKey={(order) => order.id}
          columns={[
            { header: "Order", cell: (order) => `#${order.number}` },
            { header: "Date", cell: (order) => formatDate(order.placedAt) },
            { header: "Client", cell: (order) => <TextLink href={`/admin/clients/${order.clientId}`}>{order.clientName}</TextLink> },
            { header: "Products", cell: (order) => order.productNames.join(", ") },
            { header: "Total", cell: (order) => formatMoney(order.totalCents, order.currency) },
            { header: "Payment Method", cell: (order) => statusLabel(order.paymentMethod) },
            {
              header: "Invoice",
              cell: (order) =>
                order.invoice ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <TextLink href={`/admin/invoices/${order.invoice.id}`}>{order.invoice.number ?? "Draft"}</TextLink>
                    <InvoiceStatusBadge status={order.invoice.status} paymentStatus={order.invoice.paymentStatus} />
                  </span>
                ) : (
                  "—"
                ),
            },
            { header: "Status", cell: (order) => <StatusBadge status={order.status} /> },
          ]}
        />
      )}
    </>
  );
};

export default OrdersPage;
