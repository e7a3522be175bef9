import "server-only";
import { readOrderItemExtras } from "@/server/catalog/read-order-item-extras";
import { clientDisplayName } from "@/lib/client-display-name";
import { db, type DbClient } from "@/server/db";

const SERVICE_LIST_LIMIT = 200;
const clientSelect = {
  select: { id: true, number: true, companyName: true, contacts: { where: { isPrimary: true }, take: 1, select: { firstName: true, lastName: true } } },
} as const;

/** Packages for the admin list, newest first. */
export const listAdminServices = async (client: DbClient = db) => {
  const services = await client.service.findMany({
    orderBy: { number: "desc" },
    take: SERVICE_LIST_LIMIT,
    select: {
      id: true, number: true, status: true, cycle: true, priceCents: true, currency: true, nextDueAt: true, activatedAt: true,
      product: { select: { name: true } }, client: clientSelect,
    },
  });
  return services.map(({ product, client: owner, ...service }) => ({
    ...service, productName: product.name, clientId: owner.id, clientName: clientDisplayName(owner),
  }));
};

/** The package page: status, service details, the invoices that charged it, and its tasks. */
export const getAdminService = async ({ serviceId }: { serviceId: string }, client: DbClient = db) => {
  const service = await client.service.findUnique({
    where: { id: serviceId },
    select: {
      id: true, number: true, status: true, cycle: true, priceCents: true, currency: true, nextDueAt: true, activatedAt: true, createdAt: true,
      username: true, server: true, notes: true,
      product: { select: { name: true, type: true, module: true, department: { select: { name: true } } } },
      client: clientSelect,
      orderItem: { select: { extras: true, order: { select: { id: true, number: true } } } },
      invoiceLines: {
        orderBy: { invoice: { createdAt: "desc" } },
        select: { invoice: { select: { id: true, number: true, paymentStatus: true, status: true } } },
      },
      tasks: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, title: true, status: true, createdAt: true, closedAt: true, assignee: { select: { name: true } } },
      },
    },
  });
  if (!service) return null;
  const { product, client: owner, orderItem, invoiceLines, tasks, ...rest } = service;
  const invoices = [...new Map(invoiceLines.map(({ invoice }) => [invoice.id, invoice])).values()];
  return {
    ...rest,
    productName: product.name, productType: product.type, module: product.module, departmentName: product.department?.name ?? null,
    clientId: owner.id, clientName: clientDisplayName(owner),
    order: orderItem?.order ?? null,
    extras: readOrderItemExtras(orderItem?.extras),
    invoices,
    tasks: tasks.map(({ assignee, ...task }) => ({ ...task, assigneeName: assignee?.name ?? null })),
  };
};
