import { hashPassword } from "@/server/auth/password";
import type { TClientPrincipal, TStaffPrincipal } from "@/server/auth/principal";
import { db } from "@/server/db";
import { ADMINISTRATOR_ROLE_ID } from "@/server/staff/built-in-roles";
import { ensureBuiltInRoles } from "@/server/staff/ensure-built-in-roles";

// Direct Prisma fixtures for the billing admin, tasks and provisioning tests. Each call seeds unique names,
// so several fixtures can live in one database.

let sequence = 0;
const nextId = () => `${Date.now().toString(36)}${(sequence += 1)}`;

/**
 * A staff member and the principal a signed-in session of theirs would carry; an Administrator unless other
 * role ids are given (built-in ids in server/staff/built-in-roles.ts).
 */
// NOTE: one hash for every staff fixture: each costs a good part of a second at today's scrypt parameters.
let staffPasswordHash: Promise<string> | undefined;

export const createStaffFixture = async ({ name = "Sam Staff", roleIds = [ADMINISTRATOR_ROLE_ID] }: { name?: string; roleIds?: string[] } = {}) => {
  await ensureBuiltInRoles();
  const staff = await db.staff.create({
    data: {
      email: `staff-${nextId()}@hostlane.test`, name, passwordHash: await (staffPasswordHash ??= hashPassword("not-used-in-tests")),
      roles: { connect: roleIds.map((id) => ({ id })) },
    },
  });
  const principal: TStaffPrincipal = { kind: "staff", staffId: staff.id, name: staff.name };
  return { staff, principal };
};

/** The departments the demo seed has, found or created. */
export const ensureDepartmentsFixture = async () => {
  const provisioning = await db.department.upsert({ where: { name: "Provisioning" }, update: {}, create: { name: "Provisioning" } });
  const billing = await db.department.upsert({ where: { name: "Billing" }, update: {}, create: { name: "Billing" } });
  return { provisioning, billing };
};

/** A manual-setup hosting product ("Starter" by default) whose tasks go to Provisioning. */
export const createManualProductFixture = async ({
  name = "Starter",
  monthlyCents = 599 /* $5.99 */,
  departmentId,
}: { name?: string; monthlyCents?: number; departmentId?: string | null } = {}) => {
  const id = nextId();
  await db.currency.upsert({ where: { code: "USD" }, update: {}, create: { code: "USD", symbol: "$", minorUnits: 2, isDefault: true } });
  const { provisioning } = await ensureDepartmentsFixture();
  const group = await db.productGroup.create({ data: { name: `Hosting ${id}`, slug: `hosting-${id}` } });
  const product = await db.product.create({
    data: {
      groupId: group.id, name, slug: `${name.toLowerCase()}-${id}`, type: "SHARED_HOSTING", module: "MANUAL",
      departmentId: departmentId === undefined ? provisioning.id : departmentId,
      prices: { create: [{ currency: "USD", cycle: "MONTHLY", amountCents: monthlyCents }] },
    },
    include: { prices: true },
  });
  return { product, price: product.prices[0]!, department: provisioning };
};

type IssuedInvoiceFixtureOptions = {
  /** One PENDING package per product, each billed on its own invoice line. */
  products?: { name?: string; monthlyCents?: number }[];
  taxCents?: number;
  issuedAt?: Date;
  companyName?: string;
};

/**
 * What checkout leaves behind, built directly: a client with a primary contact, a PENDING order, PENDING
 * packages and an ISSUED, unpaid invoice whose lines point at the packages.
 */
export const createIssuedInvoiceFixture = async ({
  products = [{}],
  taxCents = 0,
  issuedAt = new Date("2026-01-01T00:00:00Z"),
  companyName = "Acme Web Ltd",
}: IssuedInvoiceFixtureOptions = {}) => {
  const id = nextId();
  const made = [];
  for (const options of products) made.push(await createManualProductFixture(options));
  const client = await db.client.create({
    data: {
      companyName, country: "US", currency: "USD",
      contacts: {
        create: {
          isPrimary: true, firstName: "Ada", lastName: "Lovelace", email: `ada-${id}@example.test`,
          address1: "1 Main St", city: "Springfield", state: "IL", zip: "62701", country: "US", phone: "+1 555 0100",
        },
      },
    },
    include: { contacts: true },
  });
  const subtotalCents = made.reduce((sum, { price }) => sum + price.amountCents, 0);
  const totalCents = subtotalCents + taxCents;
  const order = await db.order.create({
    data: { clientId: client.id, paymentMethod: "BANK_TRANSFER", currency: "USD", subtotalCents, taxCents, totalCents, placedAt: issuedAt },
  });
  const services: { id: string; status: string }[] = [];
  for (const { product, price } of made) {
    const item = await db.orderItem.create({
      data: { orderId: order.id, productId: product.id, priceId: price.id, cycle: "MONTHLY", amountCents: price.amountCents, setupFeeCents: 0 },
    });
    services.push(
      await db.service.create({
        data: { clientId: client.id, productId: product.id, orderItemId: item.id, cycle: "MONTHLY", currency: "USD", priceCents: price.amountCents },
      }),
    );
  }
  const invoice = await db.invoice.create({
    data: {
      number: `TEST-${id}`, clientId: client.id, orderId: order.id, status: "ISSUED", currency: "USD",
      subtotalCents, taxCents, totalCents, issuedAt, dueAt: issuedAt,
      lines: {
        create: made.map(({ product, price }, index) => ({
          position: index + 1, description: `${product.name} (Monthly)`, serviceId: services[index]!.id, amountCents: price.amountCents,
          taxCents: index === 0 ? taxCents : 0,
        })),
      },
    },
  });
  const contact = client.contacts[0]!;
  const clientPrincipal: TClientPrincipal = { kind: "client", clientId: client.id, contactId: contact.id, name: "Ada Lovelace" };
  return { client, contact, clientPrincipal, order, services, invoice, products: made.map(({ product }) => product) };
};
