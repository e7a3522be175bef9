import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { invoicePaid } from "@/server/workflows/events";
import { emitEvents } from "@/server/workflows/emit";
import { createIssuedInvoiceFixture, createStaffFixture } from "@/tests/factories/billing-fixtures";
import { resetDatabase } from "@/tests/db";
import { startAppWorkflows } from "@/tests/support/app-workflows";
import { callerFor } from "@/tests/support/trpc";

const PAID_AT = new Date("2026-03-01T09:00:00Z");
const FUNCTION_ID = "hostlane-provision-service";
const DETAILS = { username: "acmeweb", server: "web01.hostlane.test", notes: "Plesk service plan StarterPack" };

/** An issued $5.99 Starter invoice for a PENDING package, paid in full by staff through "Add Payment". */
const payStarterInvoice = async () => {
  const fixture = await createIssuedInvoiceFixture({ products: [{ name: "Starter", monthlyCents: 599 /* $5.99 */ }] });
  const { principal, staff } = await createStaffFixture({ name: "Grace Hopper" });
  const staffCaller = callerFor(principal);
  const payment = await staffCaller.billingAdmin.addPayment({
    invoiceId: fixture.invoice.id, amountCents: 599, receivedOn: "2026-03-01", transactionId: "BANK-2026-0301",
  });
  expect(payment).toMatchObject({ paymentStatus: "PAID", balanceCents: 0 });
  return { ...fixture, service: fixture.services[0]!, staff, staffCaller };
};

describe("manual provisioning after payment", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(PAID_AT);
  });
  afterEach(() => vi.useRealTimers());

  it("pays, opens a setup task, waits for staff, then activates the package and queues the welcome mail", async () => {
    const wf = await startAppWorkflows();
    const { service, invoice, staffCaller, staff } = await payStarterInvoice();

    await wf.drain();
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({ status: "WORK_IN_PROGRESS", activatedAt: null });
    const [task, ...otherTasks] = await staffCaller.tasks.list({ status: "open" });
    expect(otherTasks).toEqual([]);
    expect(task).toMatchObject({ title: "Set up Starter for Acme Web Ltd", status: "OPEN", departmentName: "Provisioning", serviceId: service.id });
    expect(await wf.runs({ functionId: FUNCTION_ID })).toMatchObject([{ status: "WAITING" }]);
    expect(await db.outboxMail.count()).toBe(0);

    // Staff pick the task up an hour later and close it with the service details.
    vi.setSystemTime(new Date("2026-03-01T10:00:00Z"));
    await staffCaller.tasks.assignToMe({ taskId: task!.id });
    await staffCaller.tasks.close({ taskId: task!.id, ...DETAILS });
    await wf.drain();

    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      status: "ACTIVE",
      activatedAt: new Date("2026-03-01T10:00:00Z"),
      nextDueAt: new Date("2026-04-01T10:00:00Z"),
      username: "acmeweb",
      server: "web01.hostlane.test",
      notes: "Plesk service plan StarterPack",
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: task!.id } })).toMatchObject({ status: "CLOSED", closedById: staff.id });
    const mails = await db.outboxMail.findMany();
    expect(mails).toMatchObject([
      { dedupeKey: `welcome:${service.id}`, template: "welcome", to: expect.stringMatching(/^ada-.*@example\.test$/), subject: "Your Starter package is ready" },
    ]);
    expect(mails[0]!.text).toContain("User name: acmeweb");
    expect(mails[0]!.text).toContain("Server: web01.hostlane.test");
    expect(mails[0]!.html).toContain(`<td style="padding:2px 24px 2px 0">User name</td><td style="padding:2px 0">acmeweb</td>`);
    // No SMTP server in this test: the mail stays in the outbox, held for staff to read.
    expect(mails[0]).toMatchObject({ status: "QUEUED", attempts: 0, nextAttemptAt: null });
    expect(await wf.runs({ functionId: FUNCTION_ID })).toMatchObject([
      { status: "COMPLETED", output: { invoiceId: invoice.id, activated: [service.id] } },
    ]);
  });

  it("a replayed invoice.paid event, during or after the setup, opens no second task and sends no second mail", async () => {
    const wf = await startAppWorkflows();
    const { service, invoice, staffCaller } = await payStarterInvoice();
    await wf.drain();

    // The same event id inside 24 h is dropped; a replay with a new id starts a second run that adopts the task.
    await emitEvents([invoicePaid.create({ invoiceId: invoice.id }, { id: `invoice-paid-${invoice.id}` })]);
    await emitEvents([invoicePaid.create({ invoiceId: invoice.id }, { id: `replay-1-${invoice.id}` })]);
    await wf.drain();
    expect(await wf.runs({ functionId: FUNCTION_ID })).toMatchObject([{ status: "WAITING" }, { status: "WAITING" }]);
    expect(await db.task.count()).toBe(1);

    const [task] = await staffCaller.tasks.list({ status: "open" });
    await staffCaller.tasks.close({ taskId: task!.id, ...DETAILS });
    await wf.drain();
    const concurrentRuns = await wf.runs({ functionId: FUNCTION_ID });
    expect(concurrentRuns).toMatchObject([{ status: "COMPLETED" }, { status: "COMPLETED" }]);
    // Exactly one of the two runs activated the package; the other found it already active.
    expect(concurrentRuns.flatMap((run) => (run.output as { activated: string[] }).activated)).toEqual([service.id]);

    // A replay after everything is done finds no PENDING package and changes nothing.
    await emitEvents([invoicePaid.create({ invoiceId: invoice.id }, { id: `replay-2-${invoice.id}` })]);
    await wf.drain();
    const runs = await wf.runs({ functionId: FUNCTION_ID });
    expect(runs).toHaveLength(3);
    const lateRun = runs.find((run) => !concurrentRuns.some((earlier) => earlier.id === run.id));
    expect(lateRun).toMatchObject({ status: "COMPLETED", output: { invoiceId: invoice.id, activated: [] } });
    expect(await db.task.count()).toBe(1);
    expect(await db.outboxMail.count()).toBe(1);
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({ status: "ACTIVE", username: "acmeweb" });
  });

  it("finds a task closed without its event once the wait times out (waitForEvent has no lookback)", async () => {
    const wf = await startAppWorkflows();
    const { service, staff } = await payStarterInvoice();
    await wf.drain();

    // Closed behind the workflow's back: no tasks/task.closed event is ever sent.
    const task = await db.task.findFirstOrThrow();
    await db.task.update({
      where: { id: task.id },
      data: { status: "CLOSED", closedById: staff.id, closedAt: new Date(), result: DETAILS },
    });
    await wf.drain();
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({ status: "WORK_IN_PROGRESS" });

    await wf.advanceTime("1d");
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      status: "ACTIVE",
      activatedAt: new Date("2026-03-02T09:00:00Z"),
      server: "web01.hostlane.test",
    });
    expect(await wf.runs({ functionId: FUNCTION_ID })).toMatchObject([{ status: "COMPLETED" }]);
    expect(await db.outboxMail.count()).toBe(1);
  });

  it("fails the run at once, without retries, when the product has no department for its setup task", async () => {
    const wf = await startAppWorkflows();
    const { service, products } = await payStarterInvoice();
    await db.product.update({ where: { id: products[0]!.id }, data: { departmentId: null } });
    await wf.drain();

    const [run] = await wf.runs({ functionId: FUNCTION_ID });
    expect(run).toMatchObject({ status: "FAILED" });
    expect(JSON.stringify(run!.error)).toContain("has no department");
    expect(await db.task.count()).toBe(0);
    // Left in progress, not rolled back: staff fix the product and retry the run from the System Queue.
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({ status: "WORK_IN_PROGRESS" });
  });
});
