import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";
import { callerFor } from "@/tests/support/trpc";

let catalog: TSeededCatalog;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
});

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
};

const twoClients = async () => {
  const alice = await createClientWithOrder({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], firstName: "Alice" });
  const bob = await createClientWithOrder({ items: [{ productId: catalog.starterId, cycle: "ANNUALLY" }], firstName: "Bob" });
  const bobPackage = await db.service.findFirstOrThrow({ where: { clientId: bob.placed.clientId } });
  return { alice, bob, bobPackageId: bobPackage.id };
};

describe("client area procedures", () => {
  it("show a client their own invoices, invoice detail, packages and contacts", async () => {
    const { alice } = await twoClients();
    const caller = callerFor(alice.principal);

    const invoices = await caller.clientArea.listInvoices({ sort: "amount", direction: "asc" });
    expect(invoices.map((invoice) => invoice.id)).toEqual([alice.placed.invoiceId]);
    expect(invoices[0]).toMatchObject({ number: "INV-000001", totalCents: 2_706 /* $27.06 */, paymentStatus: "UNPAID", status: "ISSUED" });

    const invoice = await caller.clientArea.getInvoice({ invoiceId: alice.placed.invoiceId });
    expect(invoice.lines.map((line) => [line.description, line.amountCents, line.taxCents])).toEqual([
      ["Business (Monthly)", 1_499, 124],
      ["Business Setup Fee", 1_000, 83],
    ]);
    expect(invoice.payments).toEqual([]);

    const packages = await caller.clientArea.listPackages();
    expect(packages).toHaveLength(1);
    expect(packages[0]).toMatchObject({ status: "PENDING", cycle: "MONTHLY", priceCents: 1_499, product: { name: "Business" } });

    const detail = await caller.clientArea.getPackage({ packageId: packages[0]!.id });
    expect(detail).toMatchObject({ status: "PENDING", details: null });

    const contacts = await caller.clientArea.listContacts();
    expect(contacts.map((contact) => [contact.firstName, contact.isPrimary])).toEqual([["Alice", true]]);
    expect(contacts[0]).not.toHaveProperty("passwordHash");

    const dashboard = await caller.clientArea.dashboard();
    expect(dashboard.balanceDue).toEqual([{ currency: "USD", invoiceCount: 1, dueCents: 2_706 /* $27.06 */ }]);
    expect(dashboard.packagesByStatus).toEqual([{ status: "PENDING", count: 1 }]);
    expect(dashboard.recentInvoices.map((recent) => recent.number)).toEqual(["INV-000001"]);
  });

  it("answer NOT_FOUND when client A asks for client B's invoice or package", async () => {
    const { alice, bob, bobPackageId } = await twoClients();
    const caller = callerFor(alice.principal);

    expect(await codeOf(caller.clientArea.getInvoice({ invoiceId: bob.placed.invoiceId }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.clientArea.getPackage({ packageId: bobPackageId }))).toBe("NOT_FOUND");
    // The same answer as for an ID that does not exist at all.
    expect(await codeOf(caller.clientArea.getInvoice({ invoiceId: "no-such-invoice" }))).toBe("NOT_FOUND");
    expect((await caller.clientArea.listInvoices({ sort: "date", direction: "desc" })).map((invoice) => invoice.id)).not.toContain(
      bob.placed.invoiceId,
    );
  });

  it("refuse a signed-out caller and a staff session", async () => {
    const { bob, bobPackageId } = await twoClients();
    const signedOut = callerFor(null);
    expect(await codeOf(signedOut.clientArea.getInvoice({ invoiceId: bob.placed.invoiceId }))).toBe("UNAUTHORIZED");
    expect(await codeOf(signedOut.clientArea.getPackage({ packageId: bobPackageId }))).toBe("UNAUTHORIZED");
    expect(await codeOf(signedOut.clientArea.listInvoices({ sort: "date", direction: "desc" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(signedOut.clientArea.dashboard())).toBe("UNAUTHORIZED");

    const staff = callerFor({ kind: "staff", staffId: "staff-1", name: "Admin" });
    expect(await codeOf(staff.clientArea.getInvoice({ invoiceId: bob.placed.invoiceId }))).toBe("UNAUTHORIZED");
  });
});
