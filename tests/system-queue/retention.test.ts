import type { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ZodError, z } from "zod";
import { db } from "@/server/db";
import { deleteEndedRuns } from "@/server/system-queue/retention/delete-ended-runs";
import { deleteOldEvents } from "@/server/system-queue/retention/delete-old-events";
import { getRunRetentionDays } from "@/server/system-queue/retention/run-retention-setting";
import { updateRunRetention } from "@/server/system-queue/retention/update-run-retention";
import { newId } from "@/server/workflows/embedded/ids";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { startAppWorkflows } from "@/tests/support/app-workflows";
import { callerFor } from "@/tests/support/trpc";
import { EVENTS, sqInngest, STAFF, startRun, startWorld, T0 } from "./harness";

const DAY_MS = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const PURGE_FUNCTION_ID = "hostlane-purge-workflow-history";

const staff = () => callerFor(STAFF);
const runIds = async () => (await db.inngestRun.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((run) => run.id);

type SeedRun = { status: "RUNNING" | "WAITING" | "COMPLETED" | "FAILED" | "CANCELLED"; createdAt: Date; endedAt?: Date; eventId?: string; steps?: number };

/** A run as the executor leaves it, written directly: ended runs have no jobs or pauses left, active ones do. */
const seedRun = async ({ status, createdAt, endedAt, eventId, steps = 2 }: SeedRun) => {
  const id = newId(createdAt.getTime());
  const event = { id: eventId ?? newId(createdAt.getTime()), name: "sq-test/seeded", data: {}, ts: createdAt.getTime(), user: {} };
  await db.inngestRun.create({
    data: { id, functionId: "sqt-seeded", status, eventName: event.name, event, events: [event], stack: [], createdAt, endedAt: endedAt ?? null },
  });
  await db.inngestStep.createMany({
    data: Array.from({ length: steps }, (_, index) => ({ runId: id, hashedId: `h${index}`, op: "StepRun", memo: { v: index }, completedAt: createdAt })),
  });
  if (!endedAt) {
    await db.inngestJob.create({ data: { id: newId(createdAt.getTime()), runId: id, kind: "WAKE", stepId: "h9", runAt: at(DAY_MS) } });
    await db.inngestPause.create({ data: { id: newId(createdAt.getTime()), runId: id, kind: "CANCEL", eventName: "sq-test/stop", expiresAt: at(DAY_MS) } });
  }
  return { id, eventId: event.id };
};

const seedEvent = async (receivedAt: Date, externalId: string | null = null) => {
  const id = newId(receivedAt.getTime());
  await db.inngestEvent.create({ data: { id, externalId, name: "sq-test/seeded", data: {}, ts: BigInt(receivedAt.getTime()), receivedAt } });
  return id;
};

describe("retention of ended runs and old events", () => {
  let wf: Awaited<ReturnType<typeof startWorld>>;

  beforeEach(async () => {
    wf = await startWorld();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe("deleteEndedRuns and deleteOldEvents", () => {
    it("deletes old ended runs with their steps and old events, and keeps recent, active and referenced ones", async () => {
      const completed = await startRun(EVENTS.complete, { serviceId: "svc_1" });
      const failed = await startRun(EVENTS.fail);
      const sleeping = await startRun(EVENTS.sleep);
      // NOTE: a sender-supplied id: the run sees "order-42", the stored event keeps it as externalId.
      await sqInngest.send({ id: "order-42", name: EVENTS.wait, data: {} });
      const synced = await startRun(EVENTS.flaky);
      await wf.drain();
      const waiting = (await db.inngestRun.findFirstOrThrow({ where: { eventName: EVENTS.wait } })).id;
      vi.setSystemTime(at(31 * DAY_MS));
      const recent = await startRun(EVENTS.complete, { serviceId: "svc_2" });
      const cutoff = at(DAY_MS);
      const stepsOf = (runId: string) => db.inngestStep.count({ where: { runId } });
      expect(await stepsOf(completed)).toBe(2);

      const deleted = await deleteEndedRuns({ endedBefore: cutoff });

      // completed (2 steps), failed (2) and the synced flaky run (1); the sleeping and waiting runs are as old but active.
      expect(deleted).toEqual({ runs: 3, steps: 5, jobs: 0, pauses: 0, isDone: true });
      expect(await runIds()).toEqual([sleeping, waiting, recent].sort());
      expect(await stepsOf(completed)).toBe(0);
      expect(await stepsOf(synced)).toBe(0);
      expect(await stepsOf(failed)).toBe(0);
      expect(await stepsOf(sleeping)).toBeGreaterThan(0);
      expect(await staff().systemQueue.countRuns({})).toEqual({
        QUEUED: 1, RUNNING: 0, SLEEPING: 1, WAITING: 1, COMPLETED: 0, FAILED: 0, CANCELLED: 0,
      });

      const events = await deleteOldEvents({ receivedBefore: cutoff });

      expect(events.isDone).toBe(true);
      const kept = await db.inngestEvent.findMany({ select: { name: true, externalId: true } });
      // The old triggers of the two live runs stay (one matched by our id, one by the sender's); the recent one too.
      expect(kept).toHaveLength(3);
      expect(kept).toEqual(
        expect.arrayContaining([
          { name: EVENTS.sleep, externalId: null },
          { name: EVENTS.wait, externalId: "order-42" },
          { name: EVENTS.complete, externalId: null },
        ]),
      );
      expect(events.events).toBeGreaterThan(0);
    });

    it("works in bounded batches, oldest first, and reports when more remain", async () => {
      const old = [];
      for (let index = 0; index < 25; index += 1) {
        old.push(await seedRun({ status: index % 3 === 0 ? "CANCELLED" : "COMPLETED", createdAt: at(-60 * DAY_MS + index), endedAt: at(-50 * DAY_MS + index) }));
      }
      const cutoff = at(-30 * DAY_MS);

      expect(await deleteEndedRuns({ endedBefore: cutoff, batchSize: 10, maxBatches: 2 })).toEqual({ runs: 20, steps: 40, jobs: 0, pauses: 0, isDone: false });
      expect(await runIds()).toEqual(old.slice(20).map((run) => run.id));
      expect(await deleteEndedRuns({ endedBefore: cutoff, batchSize: 10, maxBatches: 2 })).toEqual({ runs: 5, steps: 10, jobs: 0, pauses: 0, isDone: true });
      expect(await runIds()).toEqual([]);
      expect(await db.inngestStep.count()).toBe(0);

      const events = [];
      for (let index = 0; index < 7; index += 1) events.push(await seedEvent(at(-40 * DAY_MS + index)));
      expect(await deleteOldEvents({ receivedBefore: cutoff, batchSize: 3, maxBatches: 2 })).toEqual({ events: 6, isDone: false });
      expect((await db.inngestEvent.findMany({ select: { id: true } })).map((event) => event.id)).toEqual([events[6]]);
      expect(await deleteOldEvents({ receivedBefore: cutoff, batchSize: 3, maxBatches: 2 })).toEqual({ events: 1, isDone: true });
    });

    it("steps over the old events live runs still need, so batches keep making progress", async () => {
      const kept = [];
      for (let index = 0; index < 4; index += 1) {
        await seedRun({ status: "WAITING", createdAt: at(-90 * DAY_MS), eventId: `ext-${index}` });
        kept.push(await seedEvent(at(-90 * DAY_MS + index), `ext-${index}`));
      }
      const doomed = [];
      for (let index = 0; index < 5; index += 1) doomed.push(await seedEvent(at(-80 * DAY_MS + index)));

      // Batches of 3 over 9 old events: the 4 oldest are kept, so the first batch deletes none of them.
      expect(await deleteOldEvents({ receivedBefore: at(-30 * DAY_MS), batchSize: 3, maxBatches: 5 })).toEqual({ events: 5, isDone: true });

      expect((await db.inngestEvent.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((event) => event.id)).toEqual(kept);
    });

    it("never deletes an active run, however old, nor its jobs, pauses and trigger event", async () => {
      const active = await seedRun({ status: "WAITING", createdAt: at(-400 * DAY_MS), eventId: "ext-1" });
      const triggerEvent = await seedEvent(at(-400 * DAY_MS), "ext-1");

      expect(await deleteEndedRuns({ endedBefore: at(0) })).toEqual({ runs: 0, steps: 0, jobs: 0, pauses: 0, isDone: true });
      expect(await deleteOldEvents({ receivedBefore: at(0) })).toEqual({ events: 0, isDone: true });

      expect(await runIds()).toEqual([active.id]);
      expect(await db.inngestJob.count({ where: { runId: active.id } })).toBe(1);
      expect(await db.inngestPause.count({ where: { runId: active.id } })).toBe(1);
      expect(await db.inngestEvent.findUnique({ where: { id: triggerEvent } })).not.toBeNull();
    });
  });

  describe("the retention setting", () => {
    it("defaults to 30 days and stores a valid change with an audit entry", async () => {
      const { principal } = await createStaffFixture();
      expect(await getRunRetentionDays()).toBe(30);

      await expect(callerFor(principal).systemQueue.updateRunRetention({ days: 90 })).resolves.toEqual({ days: 90, previousDays: 30 });

      expect(await getRunRetentionDays()).toBe(90);
      expect(await db.auditLog.findMany({ where: { entityType: "Setting" } })).toMatchObject([
        { staffId: principal.staffId, action: "settings.run-retention-changed", entityId: "workflows.runRetentionDays", actorKind: "STAFF", actorId: principal.staffId, before: { days: 30 }, after: { days: 90 } },
      ]);
    });

    it.each([0, -5, 3651, 2.5, Number.NaN])("refuses %s days with a field error and changes nothing", async (days) => {
      const { principal } = await createStaffFixture();
      await callerFor(principal).systemQueue.updateRunRetention({ days: 45 });
      const auditEntries = await db.auditLog.count();

      const error = await callerFor(principal).systemQueue.updateRunRetention({ days }).then(
        () => expect.unreachable("the procedure accepted the value"),
        (rejection: TRPCError) => rejection,
      );
      expect(error.code).toBe("BAD_REQUEST");
      // What the form shows: the HTTP errorFormatter flattens the ZodError cause into data.fieldErrors.
      expect(error.cause).toBeInstanceOf(ZodError);
      expect(z.flattenError(error.cause as ZodError).fieldErrors).toEqual({ days: ["Enter a whole number of days from 1 to 3650."] });
      await expect(updateRunRetention({ days, staffId: principal.staffId })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        details: { fieldErrors: { days: ["Enter a whole number of days from 1 to 3650."] } },
      });

      expect(await getRunRetentionDays()).toBe(45);
      expect(await db.auditLog.count()).toBe(auditEntries);
    });

    it("is staff only", async () => {
      await expect(callerFor(null).systemQueue.updateRunRetention({ days: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await getRunRetentionDays()).toBe(30);
    });
  });

  describe("the purge workflow", () => {
    it("is a daily schedule that Run Now starts, and it deletes what is older than the setting", async () => {
      const executor = await startAppWorkflows();
      const { principal } = await createStaffFixture();
      expect(await staff().systemQueue.listSchedules()).toContainEqual(
        expect.objectContaining({ functionId: PURGE_FUNCTION_ID, functionName: "Purge old workflow runs and events", expr: "17 3 * * *" }),
      );
      const endedDaysAgo = async (days: number) => seedRun({ status: "FAILED", createdAt: at(-(days + 1) * DAY_MS), endedAt: at(-days * DAY_MS) });
      const ninetyDays = await endedDaysAgo(90);
      const fortyDays = await endedDaysAgo(40);
      const fiveDays = await endedDaysAgo(5);
      const active = await seedRun({ status: "RUNNING", createdAt: at(-90 * DAY_MS) });
      await seedEvent(at(-90 * DAY_MS));
      await callerFor(principal).systemQueue.updateRunRetention({ days: 60 });

      const first = await staff().systemQueue.runScheduleNow({ functionId: PURGE_FUNCTION_ID });
      await executor.drain();

      const firstRun = await staff().systemQueue.getRun({ runId: first.runId });
      expect(firstRun).toMatchObject({ displayStatus: "COMPLETED", output: { days: 60, runs: 1, steps: 2, events: 1, isDone: true } });
      expect(await runIds()).toEqual([fortyDays.id, fiveDays.id, active.id, first.runId].sort());
      expect(await db.inngestStep.count({ where: { runId: ninetyDays.id } })).toBe(0);

      await callerFor(principal).systemQueue.updateRunRetention({ days: 30 });
      vi.setSystemTime(at(1_000));
      const second = await staff().systemQueue.runScheduleNow({ functionId: PURGE_FUNCTION_ID });
      await executor.drain();

      expect(await staff().systemQueue.getRun({ runId: second.runId })).toMatchObject({ displayStatus: "COMPLETED", output: { days: 30, runs: 1 } });
      expect(await runIds()).toEqual([fiveDays.id, active.id, first.runId, second.runId].sort());
      expect(await staff().systemQueue.countRuns({})).toMatchObject({ COMPLETED: 2, FAILED: 1 });
    });

    it("Run Now answers NOT_FOUND for a function without a schedule", async () => {
      await startAppWorkflows();
      await expect(staff().systemQueue.runScheduleNow({ functionId: "hostlane-provision-service" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
