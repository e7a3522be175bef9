import { beforeEach, describe, expect, it } from "vitest";
import { issueInvoice } from "@/server/billing/invoices/issue-invoice";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";
import { callerFor } from "@/tests/support/trpc";

const untaxedLine = (description: string, amountCents: number) => ({
  description,
  serviceId: null,
  amountCents,
  taxName: null,
  taxes: [],
  taxCents: 0,
});

describe("client invoice list", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("sorts by amount, date and status, and hides drafts", async () => {
    const catalog = await seedCatalog();
    // INV-000001: Starter monthly $5.99 + $0.49 tax = $6.48, issued 2026-03-01.
    const { placed, principal } = await createClientWithOrder(
      { items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] },
      new Date("2026-03-01T10:00:00Z"),
    );
    // INV-000002: $100.00, issued later, then paid in full.
    const large = await issueInvoice({
      clientId: placed.clientId,
      orderId: null,
      currency: "USD",
      lines: [untaxedLine("Consulting", 10_000 /* $100.00 */)],
      now: new Date("2026-04-01T10:00:00Z"),
    });
    await db.invoice.update({ where: { id: large.id }, data: { paymentStatus: "PAID", paidCents: 10_000, paidAt: new Date("2026-04-02T10:00:00Z") } });
    // A draft is never shown to the client.
    await db.invoice.create({
      data: { clientId: placed.clientId, currency: "USD", subtotalCents: 1, taxCents: 0, totalCents: 1 /* $0.01 */ },
    });

    const caller = callerFor(principal);
    const numbers = async (sort: "date" | "amount" | "status", direction: "asc" | "desc") =>
      (await caller.clientArea.listInvoices({ sort, direction })).map((invoice) => invoice.number);

    expect(large.number).toBe("INV-000002");
    expect(await numbers("date", "desc")).toEqual(["INV-000002", "INV-000001"]);
    expect(await numbers("date", "asc")).toEqual(["INV-000001", "INV-000002"]);
    expect(await numbers("amount", "asc")).toEqual(["INV-000001", "INV-000002"]);
    expect(await numbers("amount", "desc")).toEqual(["INV-000002", "INV-000001"]);
    // Payment status order: UNPAID < PARTIALLY_PAID < PAID.
    expect(await numbers("status", "asc")).toEqual(["INV-000001", "INV-000002"]);

    const dashboard = await caller.clientArea.dashboard();
    expect(dashboard.balanceDue).toEqual([{ currency: "USD", invoiceCount: 1, dueCents: 648 /* $6.48 */ }]);
  });
});
