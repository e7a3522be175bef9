import "server-only";
import { clientDisplayName } from "@/lib/client-display-name";
import { db, type DbClient } from "@/server/db";

const ORDER_LIST_LIMIT = 200;

/** Orders for the admin list, newest first, with their first invoice so staff can go straight to it. */
export const listAdminOrders = async (client: DbClient = db) => {
  const orders = await client.order.findMany({
    orderBy: { number: "desc" },
    take: ORDER_LIST_LIMIT,
    select: {
      id: true, number: true, status: true, paymentMethod: true, totalCents: true, currency: true, placedAt: true,
      client: { select: { id: true, number: true, companyName: true, contacts: { where: { isPrimary: true }, take: 1, select: { firstName: true, lastName: true } } } },
      items: { select: { product: { select: { name: true } } } },
      invoices: { orderBy: { createdAt: "asc" }, take: 1, select: { id: true, number: true, status: true, paymentStatus: true } },
    },
  });
  return orders.map((order) => ({
    id: order.id, number: order.number, status: order.status, paymentMethod: order.paymentMethod,
    totalCents: order.totalCents, currency: order.currency, placedAt: order.placedAt,
    clientId: order.client.id, clientName: clientDisplayName(order.client),
    productNames: order.items.map((item) => item.product.name),
    invoice: order.invoices[0] ?? null,
  }));
};
