import "server-only";
import { clientDisplayName } from "@/lib/client-display-name";
import { db, type DbClient } from "@/server/db";

const RECENT_ORDERS = 8;

/** The admin dashboard: what needs attention now, and the latest orders. */
export const getAdminDashboard = async (client: DbClient = db) => {
  const unpaidWhere = { status: "ISSUED" as const, paymentStatus: { in: ["UNPAID" as const, "PARTIALLY_PAID" as const] } };
  const [unpaidByCurrency, unpaidInvoices, openTasks, pendingOrders, activePackages, recentOrders] = await Promise.all([
    client.invoice.groupBy({ by: ["currency"], where: unpaidWhere, _sum: { totalCents: true, paidCents: true }, orderBy: { currency: "asc" } }),
    client.invoice.count({ where: unpaidWhere }),
    client.task.count({ where: { status: { in: ["OPEN", "IN_PROGRESS"] } } }),
    client.order.count({ where: { status: "PENDING" } }),
    client.service.count({ where: { status: "ACTIVE" } }),
    client.order.findMany({
      orderBy: { number: "desc" },
      take: RECENT_ORDERS,
      select: {
        id: true, number: true, status: true, totalCents: true, currency: true, placedAt: true,
        client: { select: { id: true, number: true, companyName: true, contacts: { where: { isPrimary: true }, take: 1, select: { firstName: true, lastName: true } } } },
      },
    }),
  ]);
  return {
    unpaidInvoices,
    // Amounts in different currencies are never added together; one figure per currency.
    amountDue: unpaidByCurrency.map((row) => ({ currency: row.currency, cents: (row._sum.totalCents ?? 0) - (row._sum.paidCents ?? 0) })),
    openTasks,
    pendingOrders,
    activePackages,
    recentOrders: recentOrders.map((order) => ({
      id: order.id, number: order.number, status: order.status, totalCents: order.totalCents, currency: order.currency, placedAt: order.placedAt,
      clientId: order.client.id, clientName: clientDisplayName(order.client),
    })),
  };
};
