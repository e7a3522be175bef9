import { beforeEach, describe, expect, it } from "vitest";
import { recordPayment } from "@/server/billing/payments/record-payment";
import { createIssuedInvoiceFixture, createStaffFixture } from "@/tests/factories/billing-fixtures";
import { resetDatabase } from "@/tests/db";
import { callerFor } from "@/tests/support/trpc";

const NOW = new Date("2026-02-01T00:00:00Z");

describe("admin router", () => {
  beforeEach(resetDatabase);

  it("counts what needs attention on the dashboard, amounts due to the cent", async () => {
    const unpaid = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 599 /* $5.99 */ }], taxCents: 49 /* $0.49 */ });
    const partly = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 1_499 /* $14.99 */ }], companyName: "Globex" });
    const { principal, staff } = await createStaffFixture();
    await recordPayment({
      invoiceId: partly.invoice.id, method: "BANK_TRANSFER", transactionId: "DASH-1", amountCents: 500 /* $5.00 */,
      receivedAt: NOW, staffId: staff.id, now: NOW,
    });

    const dashboard = await callerFor(principal).admin.dashboard();
    expect(dashboard).toMatchObject({
      unpaidInvoices: 2,
      amountDue: [{ currency: "USD", cents: 648 + 999 /* $6.48 + $9.99 */ }],
      openTasks: 0,
      pendingOrders: 2,
      activePackages: 0,
    });
    expect(dashboard.recentOrders.map((order) => order.clientName)).toEqual(["Globex", "Acme Web Ltd"]);
    expect(unpaid.invoice.totalCents).toBe(648);
  });

  it("shows a client with contacts, packages and invoices, and finds clients by search", async () => {
    const { client, invoice, services } = await createIssuedInvoiceFixture({ companyName: "Initech" });
    await createIssuedInvoiceFixture({ companyName: "Umbrella" });
    const { principal } = await createStaffFixture();
    const caller = callerFor(principal);

    expect((await caller.admin.listClients({ search: "init" })).rows.map((row) => row.name)).toEqual(["Initech"]);
    // The client ID finds the client; any other hit must be an e-mail containing those digits (fixture e-mails
    // carry a timestamp), never a random row.
    const byNumber = (await caller.admin.listClients({ search: String(client.number) })).rows;
    expect(byNumber.map((row) => row.id)).toContain(client.id);
    for (const row of byNumber.filter((other) => other.id !== client.id)) expect(row.email).toContain(String(client.number));
    expect(await caller.admin.getClient({ clientId: client.id })).toMatchObject({
      number: client.number,
      companyName: "Initech",
      country: "US",
      contacts: [{ firstName: "Ada", isPrimary: true }],
      services: [{ id: services[0]!.id, status: "PENDING", productName: "Starter" }],
      invoices: [{ id: invoice.id, paymentStatus: "UNPAID" }],
    });
    await expect(caller.admin.getClient({ clientId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is closed to clients", async () => {
    const { clientPrincipal } = await createIssuedInvoiceFixture();
    await expect(callerFor(clientPrincipal).admin.dashboard()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
