import { recordPayment } from "@/server/billing/payments/record-payment";
import { db } from "@/server/db";
import { openTask } from "@/server/tasks/open-task";
import { createStaffFixture, ensureDepartmentsFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";

const PAID_AT = new Date("2026-03-02T09:00:00Z");

/**
 * Two clients with real data made by the real use cases: a checkout each (client, contact, order, invoice,
 * packages), a partial payment and a setup task on Bob's side. The security tests call as Alice with Bob's IDs.
 */
export const seedTwoClients = async () => {
  const catalog = await seedCatalog();
  const alice = await createClientWithOrder({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], firstName: "Alice" });
  const bob = await createClientWithOrder({
    items: [
      { productId: catalog.starterId, cycle: "ANNUALLY" },
      { productId: catalog.businessId, cycle: "MONTHLY" },
    ],
    firstName: "Bob",
  });
  const { staff } = await createStaffFixture();
  const { paymentId } = await recordPayment({
    invoiceId: bob.placed.invoiceId, method: "BANK_TRANSFER", transactionId: "BOB-PARTIAL-1", amountCents: 500 /* $5.00 */,
    receivedAt: PAID_AT, staffId: staff.id, now: PAID_AT,
  });
  const bobPackages = await db.service.findMany({ where: { clientId: bob.placed.clientId }, orderBy: { id: "asc" } });
  const { provisioning } = await ensureDepartmentsFixture();
  const task = await openTask({ purpose: `provision:${bobPackages[0]!.id}`, departmentId: provisioning.id, title: "Set up Bob's package", serviceId: bobPackages[0]!.id });
  const invoiceLines = await db.invoiceLine.findMany({ where: { invoiceId: bob.placed.invoiceId }, select: { id: true } });

  /** Every ID of Bob's rows, by kind: what Alice will try. */
  const bobIds = {
    clientId: bob.placed.clientId,
    contactId: bob.placed.contactId,
    orderId: bob.placed.orderId,
    invoiceId: bob.placed.invoiceId,
    packageIds: bobPackages.map((service) => service.id),
    paymentId,
    taskId: task.id,
    invoiceLineIds: invoiceLines.map((line) => line.id),
  };
  return { catalog, alice, bob, bobIds, staff, allBobIds: Object.values(bobIds).flat() };
};
