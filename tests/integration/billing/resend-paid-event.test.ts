import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findUnprovisionedPaidInvoices, MAX_AUTOMATIC_RESENDS } from "@/server/billing/invoices/find-unprovisioned-paid-invoices";
import { resendInvoicePaidEvent } from "@/server/billing/invoices/resend-invoice-paid-event";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { createIssuedInvoiceFixture, createStaffFixture } from "@/tests/factories/billing-fixtures";
import { startAppWorkflows } from "@/tests/support/app-workflows";
import { callerFor } from "@/tests/support/trpc";

const PAID_AT = new Date("2026-03-01T09:00:00Z");
const LATER = new Date("2026-03-01T10:00:00Z");

/** An invoice paid at PAID_AT whose package is still PENDING and whose announcement never arrived. */
const paidUnprovisionedInvoice = async () => {
  const fixture = await createIssuedInvoiceFixture();
  await db.invoice.update({ where: { id: fixture.invoice.id }, data: { paymentStatus: "PAID", paidCents: fixture.invoice.totalCents, paidAt: PAID_AT } });
  return fixture;
};

describe("Resend Paid Event (billingAdmin.resendPaidEvent)", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(LATER);
  });
  afterEach(() => vi.useRealTimers());

  it("re-announces a paid invoice with Pending packages: a new event id each time, a run, an audit entry", async () => {
    const wf = await startAppWorkflows();
    const { invoice } = await paidUnprovisionedInvoice();
    const { principal, staff } = await createStaffFixture({ name: "Grace Hopper" });
    const caller = callerFor(principal);

    expect(await caller.billingAdmin.resendPaidEvent({ invoiceId: invoice.id })).toEqual({
      invoiceId: invoice.id, eventId: `invoice-paid-${invoice.id}-resend-1`, pendingPackages: 1,
    });
    expect(await wf.runs({ functionId: "hostlane-provision-service" })).toMatchObject([
      { status: "RUNNING", event: { id: `invoice-paid-${invoice.id}-resend-1`, data: { invoiceId: invoice.id } } },
    ]);
    expect(await db.auditLog.findMany({ where: { entityId: invoice.id } })).toMatchObject([
      { action: "invoice.paid-event-resent", staffId: staff.id, createdAt: LATER, details: { eventId: `invoice-paid-${invoice.id}-resend-1`, source: "staff" } },
    ]);

    // Clicked again before the run started the package: the next number, not a dropped duplicate.
    expect(await caller.billingAdmin.resendPaidEvent({ invoiceId: invoice.id })).toMatchObject({ eventId: `invoice-paid-${invoice.id}-resend-2` });

    // Once provisioning moved the package on, there is nothing to re-send.
    await wf.drain();
    await expect(caller.billingAdmin.resendPaidEvent({ invoiceId: invoice.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: "The packages of this invoice are already being set up or active. Nothing was sent.",
    });
    expect(await db.task.count()).toBe(1); // two runs, one setup task
    expect(await db.auditLog.count({ where: { action: "invoice.paid-event-resent" } })).toBe(2);
  });

  it("refuses an unpaid invoice, a missing one and a client, and changes nothing", async () => {
    const { invoice, clientPrincipal } = await createIssuedInvoiceFixture();
    const { principal } = await createStaffFixture();
    await expect(callerFor(principal).billingAdmin.resendPaidEvent({ invoiceId: invoice.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: "Only a paid invoice can announce its payment again. Nothing was sent.",
    });
    await expect(callerFor(principal).billingAdmin.resendPaidEvent({ invoiceId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const paid = await paidUnprovisionedInvoice();
    await expect(callerFor(clientPrincipal).billingAdmin.resendPaidEvent({ invoiceId: paid.invoice.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.inngestEvent.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("findUnprovisionedPaidInvoices", () => {
  beforeEach(resetDatabase);

  it("finds a paid invoice with a Pending package only after the grace period", async () => {
    const { invoice } = await paidUnprovisionedInvoice();
    expect(await findUnprovisionedPaidInvoices({ now: new Date("2026-03-01T09:05:00Z") })).toEqual([]);
    expect(await findUnprovisionedPaidInvoices({ now: new Date("2026-03-01T09:10:00Z") })).toEqual([invoice.id]);
  });

  it("skips partly paid invoices and packages that left Pending", async () => {
    const partly = await createIssuedInvoiceFixture();
    await db.invoice.update({ where: { id: partly.invoice.id }, data: { paymentStatus: "PARTIALLY_PAID", paidCents: 1 } });
    const moving = await paidUnprovisionedInvoice();
    await db.service.update({ where: { id: moving.services[0]!.id }, data: { status: "WORK_IN_PROGRESS" } });
    expect(await findUnprovisionedPaidInvoices({ now: LATER })).toEqual([]);
  });

  it("skips an invoice whose announcement waits in the outbox or was delivered within the grace period", async () => {
    const { invoice } = await paidUnprovisionedInvoice();
    const row = await db.eventOutbox.create({
      data: {
        eventId: `invoice-paid-${invoice.id}`, name: "billing/invoice.paid", payload: { name: "billing/invoice.paid", id: `invoice-paid-${invoice.id}`, data: { invoiceId: invoice.id } },
        nextAttemptAt: PAID_AT, createdAt: PAID_AT, attempts: 7, lastError: "fetch failed",
      },
    });
    expect(await findUnprovisionedPaidInvoices({ now: LATER })).toEqual([]);
    await db.eventOutbox.update({ where: { id: row.id }, data: { sentAt: new Date("2026-03-01T09:55:00Z") } });
    expect(await findUnprovisionedPaidInvoices({ now: LATER })).toEqual([]);
    // Delivered long ago and still Pending: the run was lost on the Inngest side.
    expect(await findUnprovisionedPaidInvoices({ now: new Date("2026-03-01T10:05:00Z") })).toEqual([invoice.id]);
  });

  it("skips an invoice that has a provisioning run, and stops after the automatic re-send limit", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(LATER);
      await startAppWorkflows(); // synced, so a re-send creates a run
      const { invoice } = await paidUnprovisionedInvoice();
      let now = LATER;
      for (let resend = 1; resend <= MAX_AUTOMATIC_RESENDS; resend += 1) {
        expect(await findUnprovisionedPaidInvoices({ now })).toEqual([invoice.id]);
        await resendInvoicePaidEvent({ invoiceId: invoice.id, staffId: null, now });
        expect(await findUnprovisionedPaidInvoices({ now: new Date(now.getTime() + 11 * 60_000) })).toEqual([]); // it has a run now
        // As if that run were lost too (the Inngest engine cannot see runs at all).
        await db.inngestRun.deleteMany();
        await db.inngestJob.deleteMany();
        now = new Date(now.getTime() + 11 * 60_000);
      }
      expect(await findUnprovisionedPaidInvoices({ now })).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
