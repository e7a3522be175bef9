import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { systemQueueRouter } from "@/server/system-queue/system-queue.router";
import { callerFor } from "@/tests/support/trpc";
import { CLIENT, EVENTS, flaky, FUNCTION_IDS, STAFF, startRun, startWorld, T0 } from "./harness";

type Executor = Awaited<ReturnType<typeof startWorld>>;

const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND_MS = 1_000;
const DAY_MS = 86_400_000;
/** First entry of the executor's backoff table (no jitter in these tests). */
const FIRST_BACKOFF_MS = 15_000;

const staff = () => callerFor(STAFF);

describe("System Queue router", () => {
  let wf: Executor;

  beforeEach(async () => {
    wf = await startWorld();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** One run in every display status; returns their ids. */
  const seedEveryStatus = async () => {
    const completed = await startRun(EVENTS.complete, { serviceId: "svc_1" });
    const failed = await startRun(EVENTS.fail);
    const sleeping = await startRun(EVENTS.sleep);
    const waiting = await startRun(EVENTS.wait);
    flaky.failuresLeft = 1;
    const retrying = await startRun(EVENTS.flaky);
    await wf.drain();
    // NOTE: a second later, so the queued run sorts first (run ids are ULIDs minted from the clock).
    vi.setSystemTime(at(SECOND_MS));
    const queued = await startRun(EVENTS.complete, { serviceId: "svc_2" });
    return { completed, failed, sleeping, waiting, retrying, queued };
  };

  describe("listRuns and countRuns", () => {
    it("derives the display status and next wake-up of each run", async () => {
      const ids = await seedEveryStatus();

      const { runs, olderCursor, newerCursor } = await staff().systemQueue.listRuns({});

      const byId = new Map(runs.map((run) => [run.id, run]));
      expect(runs).toHaveLength(6);
      expect(byId.get(ids.completed)).toMatchObject({
        displayStatus: "COMPLETED",
        functionId: FUNCTION_IDS.complete,
        functionName: "Provision service",
        eventName: EVENTS.complete,
        createdAt: T0,
        endedAt: T0,
        nextWakeAt: null,
      });
      expect(byId.get(ids.failed)).toMatchObject({ displayStatus: "FAILED", functionName: "Charge card", nextWakeAt: null });
      expect(byId.get(ids.sleeping)).toMatchObject({ displayStatus: "SLEEPING", endedAt: null, nextWakeAt: at(3 * DAY_MS) });
      expect(byId.get(ids.waiting)).toMatchObject({ displayStatus: "WAITING", nextWakeAt: at(7 * DAY_MS) });
      // NOTE: a step waiting out its retry backoff is still a running run; the step shows "retrying".
      expect(byId.get(ids.retrying)).toMatchObject({ displayStatus: "RUNNING", nextWakeAt: at(FIRST_BACKOFF_MS) });
      expect(byId.get(ids.queued)).toMatchObject({ displayStatus: "QUEUED", createdAt: at(SECOND_MS), nextWakeAt: at(SECOND_MS) });
      expect(olderCursor).toBeNull();
      expect(newerCursor).toBeNull();

      expect(await staff().systemQueue.countRuns({})).toEqual({
        QUEUED: 1, RUNNING: 1, SLEEPING: 1, WAITING: 1, COMPLETED: 1, FAILED: 1, CANCELLED: 0,
      });
      expect(await staff().systemQueue.countRuns({ functionId: FUNCTION_IDS.complete })).toEqual({
        QUEUED: 1, RUNNING: 0, SLEEPING: 0, WAITING: 0, COMPLETED: 1, FAILED: 0, CANCELLED: 0,
      });
    });

    it("treats a job a worker holds as work in flight: Running, with no wake-up from it", async () => {
      const runId = await startRun(EVENTS.complete, { serviceId: "svc_1" });
      // NOTE: what a claim does (queue.ts): a lease on the job, as a worker picking it up would hold it.
      await db.inngestJob.updateMany({ where: { runId }, data: { lockedBy: "worker-1", lockedUntil: at(60 * SECOND_MS) } });

      const [run] = (await staff().systemQueue.listRuns({})).runs;
      expect(run).toMatchObject({ id: runId, displayStatus: "RUNNING", nextWakeAt: null });
      expect((await staff().systemQueue.getRun({ runId })).jobs).toEqual([
        { kind: "CALL", stepName: null, attempt: 0, runAt: T0, isInFlight: true },
      ]);
    });

    it("filters by display status and by function", async () => {
      const ids = await seedEveryStatus();
      const idsFor = async (input: Parameters<ReturnType<typeof staff>["systemQueue"]["listRuns"]>[0]) =>
        (await staff().systemQueue.listRuns(input)).runs.map((run) => run.id);

      expect(await idsFor({ status: "QUEUED" })).toEqual([ids.queued]);
      expect(await idsFor({ status: "RUNNING" })).toEqual([ids.retrying]);
      expect(await idsFor({ status: "SLEEPING" })).toEqual([ids.sleeping]);
      expect(await idsFor({ status: "WAITING" })).toEqual([ids.waiting]);
      expect(await idsFor({ status: "COMPLETED" })).toEqual([ids.completed]);
      expect(await idsFor({ status: "FAILED" })).toEqual([ids.failed]);
      expect(await idsFor({ status: "CANCELLED" })).toEqual([]);
      expect(await idsFor({ functionId: FUNCTION_IDS.complete })).toEqual([ids.queued, ids.completed]);
      expect(await idsFor({ functionId: FUNCTION_IDS.complete, status: "COMPLETED" })).toEqual([ids.completed]);
      expect(await idsFor({ functionId: "sqt-no-such-function" })).toEqual([]);
    });

    it("pages newest first with Next (older) and Previous (newer) cursors", async () => {
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        ids.push(await startRun(EVENTS.complete, { serviceId: `svc_${index}` }));
        vi.setSystemTime(Date.now() + SECOND_MS);
      }
      await wf.drain();
      const newestFirst = [...ids].reverse();
      const list = (input: Parameters<ReturnType<typeof staff>["systemQueue"]["listRuns"]>[0]) => staff().systemQueue.listRuns({ limit: 2, ...input });

      const first = await list({});
      expect(first.runs.map((run) => run.id)).toEqual(newestFirst.slice(0, 2));
      expect(first.newerCursor).toBeNull();
      expect(first.olderCursor).toBe(newestFirst[1]);

      const second = await list({ cursor: first.olderCursor!, direction: "older" });
      expect(second.runs.map((run) => run.id)).toEqual(newestFirst.slice(2, 4));
      expect(second.newerCursor).toBe(newestFirst[2]);
      expect(second.olderCursor).toBe(newestFirst[3]);

      const third = await list({ cursor: second.olderCursor!, direction: "older" });
      expect(third.runs.map((run) => run.id)).toEqual(newestFirst.slice(4));
      expect(third.olderCursor).toBeNull();

      const backToSecond = await list({ cursor: third.newerCursor!, direction: "newer" });
      expect(backToSecond.runs.map((run) => run.id)).toEqual(newestFirst.slice(2, 4));
      expect(backToSecond.olderCursor).toBe(newestFirst[3]);
      expect(backToSecond.newerCursor).toBe(newestFirst[2]);

      const backToFirst = await list({ cursor: backToSecond.newerCursor!, direction: "newer" });
      expect(backToFirst.runs.map((run) => run.id)).toEqual(newestFirst.slice(0, 2));
      expect(backToFirst.newerCursor).toBeNull();
    });

    it("rejects a page size above the maximum", async () => {
      await expect(staff().systemQueue.listRuns({ limit: 1_000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    });
  });

  describe("getRun", () => {
    it("shows a failed run's steps in completion order with attempts, outputs and the error", async () => {
      const runId = await startRun(EVENTS.fail);
      await wf.drain();

      const run = await staff().systemQueue.getRun({ runId });

      expect(run).toMatchObject({
        id: runId,
        functionName: "Charge card",
        displayStatus: "FAILED",
        event: { name: EVENTS.fail, data: {} },
        error: { name: "NonRetriableError", message: "Card declined: do not honor" },
        canRetry: true,
        canCancel: false,
        canRunNow: false,
      });
      expect(run.steps.map(({ name, opLabel, status, attempts, result }) => ({ name, opLabel, status, attempts, result }))).toEqual([
        { name: "load-invoice", opLabel: "Step", status: "completed", attempts: 1, result: { kind: "data", value: { invoiceId: "inv_1" } } },
        {
          name: "charge-card",
          opLabel: "Step",
          status: "failed",
          attempts: 1,
          result: { kind: "error", error: expect.objectContaining({ name: "NonRetriableError", message: "Card declined: do not honor" }) },
        },
      ]);
    });

    it("shows a completed run's output and a sleeping run's pending wake-up", async () => {
      const completed = await startRun(EVENTS.complete, { serviceId: "svc_9" });
      const sleeping = await startRun(EVENTS.sleep);
      await wf.drain();

      expect(await staff().systemQueue.getRun({ runId: completed })).toMatchObject({
        displayStatus: "COMPLETED",
        output: { serviceId: "svc_9", remoteId: "remote-svc_9" },
        error: null,
        steps: [
          { name: "load-provisioning-plan", status: "completed", result: { kind: "data", value: { serviceId: "svc_9" } } },
          { name: "ensure-remote-account", status: "completed", result: { kind: "data", value: { remoteId: "remote-svc_9" } } },
        ],
        canRetry: false,
        canCancel: false,
        canRunNow: false,
      });

      const run = await staff().systemQueue.getRun({ runId: sleeping });
      expect(run).toMatchObject({ displayStatus: "SLEEPING", nextWakeAt: at(3 * DAY_MS), canRetry: false, canCancel: true, canRunNow: true });
      expect(run.steps.map(({ name, op, opLabel, status, dueAt }) => ({ name, op, opLabel, status, dueAt }))).toEqual([
        { name: "find-open-invoice", op: "StepRun", opLabel: "Step", status: "completed", dueAt: null },
        { name: "wait-before-reminder", op: "Sleep", opLabel: "Sleep", status: "pending", dueAt: at(3 * DAY_MS) },
      ]);
      expect(run.jobs).toEqual([{ kind: "WAKE", stepName: "wait-before-reminder", attempt: 0, runAt: at(3 * DAY_MS), isInFlight: false }]);
    });

    it("shows a step waiting for an event, and a step retrying after a failed attempt", async () => {
      const waiting = await startRun(EVENTS.wait);
      flaky.failuresLeft = 1;
      const retrying = await startRun(EVENTS.flaky);
      await wf.drain();

      const waitRun = await staff().systemQueue.getRun({ runId: waiting });
      expect(waitRun).toMatchObject({ displayStatus: "WAITING", canCancel: true, canRunNow: false });
      expect(waitRun.steps).toMatchObject([
        { name: "wait-for-payment", opLabel: "Wait for event", status: "pending", waitingForEvent: EVENTS.paid, dueAt: at(7 * DAY_MS) },
      ]);

      const retryRun = await staff().systemQueue.getRun({ runId: retrying });
      expect(retryRun).toMatchObject({ displayStatus: "RUNNING", canRunNow: true, canRetry: false });
      expect(retryRun.steps).toMatchObject([
        { name: "call-upstream", status: "retrying", attempts: 1, lastError: { message: "Upstream answered 503" }, dueAt: at(FIRST_BACKOFF_MS) },
      ]);
    });

    it("answers NOT_FOUND for an unknown run id", async () => {
      await expect(staff().systemQueue.getRun({ runId: "01JUNKNOWNRUNID0000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("staff actions", () => {
    it("Retry starts a new run of a failed run from the same event and leaves the old run alone", async () => {
      const failed = await startRun(EVENTS.fail);
      await wf.drain();

      const { runId } = await staff().systemQueue.retryRun({ runId: failed });

      expect(runId).not.toBe(failed);
      const [oldRun, newRun] = await Promise.all([staff().systemQueue.getRun({ runId: failed }), staff().systemQueue.getRun({ runId })]);
      expect(oldRun.displayStatus).toBe("FAILED");
      expect(newRun).toMatchObject({ functionId: FUNCTION_IDS.fail, displayStatus: "QUEUED", event: oldRun.event });
      await wf.drain();
      expect((await staff().systemQueue.getRun({ runId })).displayStatus).toBe("FAILED");
    });

    it("Cancel marks an active run CANCELLED and drops its scheduled work", async () => {
      const waiting = await startRun(EVENTS.wait);
      await wf.drain();

      await expect(staff().systemQueue.cancelRun({ runId: waiting })).resolves.toMatchObject({ runId: waiting, status: "CANCELLED" });

      const run = await staff().systemQueue.getRun({ runId: waiting });
      expect(run).toMatchObject({ displayStatus: "CANCELLED", nextWakeAt: null, canCancel: false, canRetry: true, canRunNow: false });
      expect(await db.inngestPause.count({ where: { runId: waiting } })).toBe(0);
    });

    it("Run Now makes a sleeping run due, so a drain completes it without moving the clock", async () => {
      const sleeping = await startRun(EVENTS.sleep);
      await wf.drain();

      await staff().systemQueue.runNow({ runId: sleeping });
      await wf.drain();

      const run = await staff().systemQueue.getRun({ runId: sleeping });
      expect(run).toMatchObject({ displayStatus: "COMPLETED", output: { sent: true }, endedAt: T0 });
      expect(run.steps.map((step) => [step.name, step.status])).toEqual([
        ["find-open-invoice", "completed"],
        ["wait-before-reminder", "completed"],
        ["send-reminder", "completed"],
      ]);
    });

    it("Run Now retries a step waiting out its backoff at once", async () => {
      flaky.failuresLeft = 1;
      const retrying = await startRun(EVENTS.flaky);
      await wf.drain();

      await staff().systemQueue.runNow({ runId: retrying });
      await wf.drain();

      const run = await staff().systemQueue.getRun({ runId: retrying });
      expect(run).toMatchObject({ displayStatus: "COMPLETED", output: { synced: 3 } });
      expect(run.steps).toMatchObject([{ name: "call-upstream", status: "completed", attempts: 2, lastError: { message: "Upstream answered 503" } }]);
    });

    it("refuses actions that do not fit the run's state with a clear message", async () => {
      const completed = await startRun(EVENTS.complete, { serviceId: "svc_1" });
      const waiting = await startRun(EVENTS.wait);
      await wf.drain();

      await expect(staff().systemQueue.retryRun({ runId: completed })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("completed successfully"),
      });
      await expect(staff().systemQueue.cancelRun({ runId: completed })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("already ended"),
      });
      await expect(staff().systemQueue.runNow({ runId: completed })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("already ended"),
      });
      await expect(staff().systemQueue.runNow({ runId: waiting })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("waiting for an event"),
      });
      await expect(staff().systemQueue.retryRun({ runId: waiting })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
      expect((await staff().systemQueue.getRun({ runId: waiting })).displayStatus).toBe("WAITING");
    });

    it.each(["retryRun", "cancelRun", "runNow"] as const)("%s answers NOT_FOUND for an unknown run", async (action) => {
      await expect(staff().systemQueue[action]({ runId: "01JUNKNOWNRUNID0000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("functions, schedules and events", () => {
    it("lists the synced functions for the Function filter", async () => {
      const functions = await staff().systemQueue.listFunctions();
      expect(functions).toEqual(
        expect.arrayContaining([
          { id: FUNCTION_IDS.complete, name: "Provision service" },
          { id: FUNCTION_IDS.cron, name: "Nightly renewals" },
        ]),
      );
      expect(functions).toHaveLength(6);
    });

    it("keeps a function that is no longer served selectable while its runs exist", async () => {
      const runId = await startRun(EVENTS.complete, { serviceId: "svc_1" });
      await db.inngestRun.update({ where: { id: runId }, data: { functionId: "sqt-retired-function" } });

      expect(await staff().systemQueue.listFunctions()).toContainEqual({ id: "sqt-retired-function", name: "sqt-retired-function" });
      expect((await staff().systemQueue.listRuns({ functionId: "sqt-retired-function" })).runs).toMatchObject([
        { id: runId, functionName: null, displayStatus: "QUEUED" },
      ]);
    });

    it("lists cron schedules with the function name and the next slot", async () => {
      expect(await staff().systemQueue.listSchedules()).toEqual([
        { functionId: FUNCTION_IDS.cron, functionName: "Nightly renewals", expr: "0 3 * * *", nextAt: new Date("2026-03-02T03:00:00Z") },
      ]);
    });

    it("lists recent events newest first, hiding the executor's lifecycle events unless asked", async () => {
      await startRun(EVENTS.complete, { serviceId: "svc_1" });
      vi.setSystemTime(Date.now() + SECOND_MS);
      await startRun(EVENTS.wait, { invoiceId: "inv_7" });
      await wf.drain();

      const events = await staff().systemQueue.listRecentEvents({});
      expect(events.map(({ name, data, receivedAt }) => ({ name, data, receivedAt }))).toEqual([
        { name: EVENTS.wait, data: { invoiceId: "inv_7" }, receivedAt: at(SECOND_MS) },
        { name: EVENTS.complete, data: { serviceId: "svc_1" }, receivedAt: T0 },
      ]);
      const withInternal = await staff().systemQueue.listRecentEvents({ includeInternal: true });
      expect(withInternal.map((event) => event.name)).toContain("inngest/function.finished");
    });
  });

  describe("access", () => {
    const runId = "01JUNKNOWNRUNID0000000000";
    const calls = {
      listRuns: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.listRuns({}),
      countRuns: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.countRuns({}),
      listFunctions: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.listFunctions(),
      getRun: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.getRun({ runId }),
      listSchedules: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.listSchedules(),
      listRecentEvents: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.listRecentEvents({}),
      retryRun: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.retryRun({ runId }),
      cancelRun: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.cancelRun({ runId }),
      runNow: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.runNow({ runId }),
      runScheduleNow: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.runScheduleNow({ functionId: FUNCTION_IDS.cron }),
      updateRunRetention: (caller: ReturnType<typeof callerFor>) => caller.systemQueue.updateRunRetention({ days: 7 }),
    };

    it("covers every procedure of the router", () => {
      expect(Object.keys(calls).sort()).toEqual(Object.keys(systemQueueRouter._def.procedures).sort());
    });

    it.each(Object.entries(calls))("refuses a client principal on %s (FORBIDDEN)", async (_name, call) => {
      await expect(call(callerFor(CLIENT))).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it.each(Object.entries(calls))("refuses a signed-out caller on %s", async (_name, call) => {
      await expect(call(callerFor(null))).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});
