import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emitInvoicePaid } from "@/server/billing/invoices/invoice-paid-event";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { createIssuedInvoiceFixture, createStaffFixture } from "@/tests/factories/billing-fixtures";
import { startAppWorkflows } from "@/tests/support/app-workflows";
import { callerFor } from "@/tests/support/trpc";

const PAID_AT = new Date("2026-03-01T09:00:00Z");
const PROVISION = "hostlane-provision-service";
const RECONCILE = "hostlane-reconcile-provisioning";
const DETAILS = { username: "acmeweb", server: "web01.hostlane.test", notes: "" };
const at = (minutes: number) => new Date(PAID_AT.getTime() + minutes * 60_000);

/** What a lost run leaves behind: the package PENDING, no run, no stored event — but the event id still remembered. */
const loseProvisioningRun = async () => {
  await db.inngestJob.deleteMany();
  await db.inngestPause.deleteMany();
  await db.inngestStep.deleteMany();
  await db.inngestRun.deleteMany({ where: { functionId: PROVISION } });
  await db.inngestEvent.deleteMany({ where: { name: "billing/invoice.paid" } });
};

describe("reconciliation of paid invoices that were never provisioned", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(PAID_AT);
  });
  afterEach(() => vi.useRealTimers());

  it("finds a paid invoice whose Pending package has no run, re-announces it with a new id, and provisioning happens once", async () => {
    const wf = await startAppWorkflows();
    const { invoice, services } = await createIssuedInvoiceFixture();
    const service = services[0]!;
    const { principal } = await createStaffFixture();
    const staffCaller = callerFor(principal);
    await staffCaller.billingAdmin.addPayment({ invoiceId: invoice.id, amountCents: 599, receivedOn: "2026-03-01", transactionId: "BANK-1" });
    await loseProvisioningRun();

    // Re-sending the payment's own id would be dropped: the id is remembered for 24 h although its run is gone.
    await emitInvoicePaid({ invoiceId: invoice.id }, db);
    expect(await db.inngestRun.count({ where: { functionId: PROVISION } })).toBe(0);

    // Within the grace period nothing is considered lost yet.
    vi.setSystemTime(at(5));
    await wf.tickCron(RECONCILE);
    await wf.drain();
    expect(await wf.runs({ functionId: RECONCILE })).toMatchObject([{ status: "COMPLETED", output: { found: 0, resent: [] } }]);

    vi.setSystemTime(at(15));
    await wf.tickCron(RECONCILE);
    await wf.drain();
    const resentId = `invoice-paid-${invoice.id}-resend-1`;
    const reconciled = (await wf.runs({ functionId: RECONCILE })).find((run) => (run.output as { found: number }).found === 1);
    expect(reconciled).toMatchObject({ status: "COMPLETED", output: { found: 1, resent: [resentId], skipped: [] } });
    expect(await wf.runs({ functionId: PROVISION })).toMatchObject([{ status: "WAITING", event: { id: resentId, data: { invoiceId: invoice.id } } }]);
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({ status: "WORK_IN_PROGRESS" });
    expect(await db.auditLog.findMany({ where: { action: "invoice.paid-event-resent" } })).toMatchObject([
      { staffId: null, entityId: invoice.id, details: { eventId: resentId, source: "reconciliation", pendingPackages: 1 } },
    ]);

    // The next pass finds nothing: the run exists now.
    vi.setSystemTime(at(30));
    await wf.tickCron(RECONCILE);
    await wf.drain();
    expect(await wf.runs({ functionId: PROVISION })).toHaveLength(1);

    const [task, ...others] = await staffCaller.tasks.list({ status: "open" });
    expect(others).toEqual([]);
    await staffCaller.tasks.close({ taskId: task!.id, ...DETAILS });
    await wf.drain();
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({ status: "ACTIVE", username: "acmeweb" });
    expect(await db.task.count()).toBe(1);
    expect(await db.outboxMail.count()).toBe(1);

    // A normal function: its passes are in the System Queue like any other run.
    const { runs } = await staffCaller.systemQueue.listRuns({ functionId: RECONCILE });
    expect(runs).toHaveLength(3);
    expect(runs.every((run) => run.displayStatus === "COMPLETED" && run.functionName === "Reconcile provisioning of paid invoices")).toBe(true);
  });
});
