import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emitInvoicePaid } from "@/server/billing/invoices/invoice-paid-event";
import { recordPayment } from "@/server/billing/payments/record-payment";
import { db } from "@/server/db";
import { createEmbeddedExecutor } from "@/server/workflows/embedded/executor";
import type { ServeHandler } from "@/server/workflows/embedded/protocol";
import { handler } from "@/server/workflows/handler";
import { closeTask } from "@/server/tasks/close-task";
import { resetDatabase } from "@/tests/db";
import { createIssuedInvoiceFixture, createStaffFixture } from "@/tests/factories/billing-fixtures";
import { startAppWorkflows } from "@/tests/support/app-workflows";

// The embedded engine: emitEvents ingests inside the use case's transaction, so the event and the run it starts
// commit (or roll back) with the change they announce.
const NOW = new Date("2026-03-01T09:00:00Z");
const PROVISION = "hostlane-provision-service";
const DETAILS = { username: "acmeweb", server: "web01.hostlane.test", notes: "" };

const counts = async () => ({
  events: await db.inngestEvent.count({ where: { name: "billing/invoice.paid" } }),
  runs: await db.inngestRun.count({ where: { functionId: PROVISION } }),
});

describe("emitting on the embedded engine", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it("a rollback after the emit leaves no event, no run and no dedupe claim", async () => {
    await startAppWorkflows();
    const { invoice } = await createIssuedInvoiceFixture();

    await expect(
      db.$transaction(async (tx) => {
        await emitInvoicePaid({ invoiceId: invoice.id }, tx);
        // Inside the transaction the run already exists …
        expect(await tx.inngestRun.count({ where: { functionId: PROVISION } })).toBe(1);
        throw new Error("the change failed after its event was emitted");
      }),
    ).rejects.toThrow("the change failed after its event was emitted");

    // … and the rollback took it with it, so the same id can still be announced later.
    expect(await counts()).toEqual({ events: 0, runs: 0 });
    expect(await db.inngestDedupe.count()).toBe(0);
    expect(await db.inngestJob.count()).toBe(0);
  });

  it("the event and its run exist exactly when the payment committed, and provisioning happens once", async () => {
    const wf = await startAppWorkflows();
    const { invoice, services } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 1_000 /* $10.00 */ }] });
    const { staff } = await createStaffFixture();
    const pay = (transactionId: string, amountCents: number) =>
      recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId, amountCents, receivedAt: NOW, staffId: staff.id, now: NOW });

    // Refused (over the balance) and partial payments announce nothing.
    await expect(pay("TOO-MUCH", 1_001)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await pay("PART-1", 400 /* $4.00 */);
    expect(await counts()).toEqual({ events: 0, runs: 0 });

    // The last cent commits the payment, the event and its run together: no drain, no send needed.
    await pay("PART-2", 600 /* $6.00 */);
    expect(await counts()).toEqual({ events: 1, runs: 1 });
    expect(await db.inngestEvent.findFirstOrThrow({ where: { name: "billing/invoice.paid" } })).toMatchObject({
      externalId: `invoice-paid-${invoice.id}`, data: { invoiceId: invoice.id },
    });

    // A repeated payment is refused and announces nothing more.
    await expect(pay("PART-2", 1)).rejects.toMatchObject({ code: "DUPLICATE_PAYMENT" });
    await wf.drain();
    expect(await counts()).toEqual({ events: 1, runs: 1 });
    const task = await db.task.findFirstOrThrow();
    expect(await db.task.count()).toBe(1);

    // Closing the task announces tasks/task.closed in its own transaction; the waiting run resumes on it.
    await closeTask({ taskId: task.id, staffId: staff.id, result: DETAILS, now: NOW });
    expect(await db.inngestEvent.count({ where: { name: "tasks/task.closed", externalId: `task-closed-${task.id}` } })).toBe(1);
    await wf.drain();
    expect(await db.service.findUniqueOrThrow({ where: { id: services[0]!.id } })).toMatchObject({ status: "ACTIVE", username: "acmeweb" });
    expect(await wf.runs({ functionId: PROVISION })).toMatchObject([{ status: "COMPLETED", output: { activated: [services[0]!.id] } }]);
    expect(await db.outboxMail.count()).toBe(1);
    expect(await db.eventOutbox.count()).toBe(0); // the Inngest engine's outbox is not used here
  });

  it("wakes the running worker right after the commit, not a poll interval later", async () => {
    vi.useRealTimers();
    // NOTE: a poll interval far beyond the wait below, so only the post-commit poke can start the run in time.
    const executor = await createEmbeddedExecutor({ db, handler: handler as unknown as ServeHandler, pollMs: 60_000, crons: false });
    try {
      const { invoice } = await createIssuedInvoiceFixture();
      const { staff } = await createStaffFixture();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the loop found nothing to do and sleeps now
      await recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: "POKE-1", amountCents: 599, receivedAt: NOW, staffId: staff.id, now: NOW });
      await vi.waitUntil(async () => (await db.task.count()) === 1, { timeout: 5_000, interval: 50 });
    } finally {
      await executor.stop();
    }
  });
});
