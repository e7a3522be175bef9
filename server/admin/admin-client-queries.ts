import "server-only";
import { clientDisplayName } from "@/lib/client-display-name";
import { db, type DbClient } from "@/server/db";
import type { ClientStatus, Prisma } from "@/server/db/generated/client";
import { ADMIN_CLIENTS_PAGE_SIZE } from "./admin.schemas";

const primaryContact = { where: { isPrimary: true }, take: 1, select: { firstName: true, lastName: true, email: true } } as const;

type TListAdminClients = { search?: string; status?: ClientStatus; clientGroupId?: string; page?: number };

/**
 * Clients for the admin list, newest first, one page at a time; `search` matches the company, a contact's name
 * or e-mail, or the client ID; `status` and `clientGroupId` filter.
 */
export const listAdminClients = async ({ search, status, clientGroupId, page = 1 }: TListAdminClients, client: DbClient = db) => {
  const term = search?.trim();
  const number = term && /^\d+$/.test(term) ? Number(term) : null;
  const where: Prisma.ClientWhereInput = {
    ...(status ? { status } : {}),
    ...(clientGroupId ? { clientGroupId } : {}),
    ...(term
      ? {
          OR: [
            { companyName: { contains: term, mode: "insensitive" } },
            { contacts: { some: { OR: [
              { email: { contains: term, mode: "insensitive" } },
              { firstName: { contains: term, mode: "insensitive" } },
              { lastName: { contains: term, mode: "insensitive" } },
            ] } } },
            ...(number !== null && Number.isSafeInteger(number) && number <= 2_147_483_647 ? [{ number }] : []),
          ],
        }
      : {}),
  };
  const [total, clients] = await Promise.all([client.client.count({ where }), client.client.findMany({
    where,
    orderBy: { number: "desc" },
    skip: (page - 1) * ADMIN_CLIENTS_PAGE_SIZE,
    take: ADMIN_CLIENTS_PAGE_SIZE,
    select: {
      id: true, number: true, companyName: true, country: true, status: true, createdAt: true,
      contacts: primaryContact,
      _count: { select: { services: true, invoices: true } },
    },
  })]);
  const rows = clients.map((row) => ({
    id: row.id, number: row.number, name: clientDisplayName(row), companyName: row.companyName, country: row.country, status: row.status,
    createdAt: row.createdAt, email: row.contacts[0]?.email ?? null, packageCount: row._count.services, invoiceCount: row._count.invoices,
  }));
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / ADMIN_CLIENTS_PAGE_SIZE)) };
};

/** The client details page: account fields, contacts, packages and invoices. */
export const getAdminClient = async ({ clientId }: { clientId: string }, client: DbClient = db) => {
  const row = await client.client.findUnique({
    where: { id: clientId },
    select: {
      id: true, number: true, companyName: true, country: true, state: true, status: true, currency: true, taxId: true, isTaxable: true, billingDay: true, createdAt: true,
      creditBalanceCents: true,
      creditEntries: { orderBy: { createdAt: "desc" }, take: 50, select: { id: true, kind: true, amountCents: true, currency: true, description: true, createdAt: true } },
      clientGroup: { select: { name: true } },
      contacts: {
        orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
        select: { id: true, isPrimary: true, firstName: true, lastName: true, email: true, phone: true, city: true, country: true },
      },
      services: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, status: true, cycle: true, priceCents: true, currency: true, nextDueAt: true, product: { select: { name: true } } },
      },
      invoices: {
        orderBy: { createdAt: "desc" },
        select: { id: true, number: true, status: true, paymentStatus: true, totalCents: true, paidCents: true, currency: true, issuedAt: true, dueAt: true, createdAt: true },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id, number: row.number, name: clientDisplayName(row), companyName: row.companyName, country: row.country, state: row.state,
    status: row.status, currency: row.currency, taxId: row.taxId, isTaxable: row.isTaxable, billingDay: row.billingDay, createdAt: row.createdAt,
    groupName: row.clientGroup?.name ?? null,
    creditBalanceCents: row.creditBalanceCents,
    creditEntries: row.creditEntries,
    contacts: row.contacts,
    services: row.services.map((service) => ({
      id: service.id, number: service.number, status: service.status, cycle: service.cycle, priceCents: service.priceCents,
      currency: service.currency, nextDueAt: service.nextDueAt, productName: service.product.name,
    })),
    invoices: row.invoices,
  };
};
