import type { Metadata } from "next";
import { StatCard } from "@/components/admin/stat-card";
import { TextLink } from "@/components/admin/text-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { getAdminDashboard } from "@/server/admin/admin-dashboard-queries";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Dashboard" };

const AdminDashboardPage = async () => {
  const { name } = await requireStaff("dashboard.read");
  const dashboard = await getAdminDashboard();
  const amountDue =
    dashboard.amountDue.length > 0 ? `${dashboard.amountDue.map((row) => formatMoney(row.cents, row.currency)).join(" + ")} due` : "Nothing due";

  return (
    <>
      <PageHeader title="Dashboard" description={`Signed in as ${name}.`} />
      <section aria-label="Overview" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Unpaid Invoices" value={dashboard.unpaidInvoices} detail={amountDue} href="/admin/invoices?filter=unpaid" />
        <StatCard label="Open Tasks" value={dashboard.openTasks} href="/admin/tasks" />
        <StatCard label="Pending Orders" value={dashboard.pendingOrders} href="/admin/orders" />
        <StatCard label="Active Packages" value={dashboard.activePackages} href="/admin/packages" />
      </section>
      <section aria-labelledby="recent-orders" className="mt-8 space-y-3">
        <h2 id="recent-orders" className="text-lg font-semibold text-slate-900">Recent Orders</h2>
        {dashboard.recentOrders.length === 0 ? (
          <EmptyState title="No orders yet.">Orders placed in the storefront appear here.</EmptyState>
        ) : (
          <DataTable
            caption="Recent orders"
            rows={dashboard.recentOrders}
            rowKey={(order) => order.id}
            columns={[
              { header: "Order", cell: (order) => `#${order.number}` },
              { header: "Date", cell: (order) => formatDate(order.placedAt) },
              { header: "Client", cell: (order) => <TextLink href={`/admin/clients/${order.clientId}`}>{order.clientName}</TextLink> },
              { header: "Total", cell: (order) => formatMoney(order.totalCents, order.currency) },
              { header: "Status", cell: (order) => <StatusBadge status={order.status} /> },
            ]}
          />
        )}
      </section>
    </>
  );
};

export default AdminDashboardPage;
