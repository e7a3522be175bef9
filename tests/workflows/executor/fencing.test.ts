import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { hookedDb, isCheckpoint, isInlineStepApply, isLeaseExtension } from "../db-hooks";
import { deferred, resetWorld, send, startExecutor, testInngest, within } from "../harness";

/**
 * A function whose first step reports which delivery ran it and waits at that delivery's gate, so a test
 * decides when each delivery replies. The second step counts how often it runs.
 */
const gatedCharge = () => {
  const started = [deferred(), deferred(), deferred()];
  const gates = [deferred(), deferred(), deferred()];
  const counts = { deliveries: 0, afterRuns: 0 };
  const fn = testInngest.createFunction({ id: "fenced", retries: 0, triggers: [{ event: "test/fenced" }] }, async ({ step }) => {
    const charged = await step.run("charge", async () => {
      const delivery = (counts.deliveries += 1);
      started[delivery - 1]!.resolve();
      await gates[delivery - 1]!.promise;
      return `delivery-${delivery}`;
    });
    await step.run("after", () => {
      counts.afterRuns += 1;
    });
    return charged;
  });
  return { fn, started, gates, counts };
};

const onlyRun = async () => {
  const runs = await db.inngestRun.findMany({ where: { functionId: "wft-fenced" } });
  expect(runs).toHaveLength(1);
  return runs[0]!;
};

const chargeStep = async (runId: string) => {
  const steps = await db.inngestStep.findMany({ where: { runId } });
  return steps.find((step) => step.name === "charge");
};


describe("per-claim fencing of job writes", () => {
  beforeEach(resetWorld);
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  // NOTE: with checkpointing the stale delivery's write is its checkpoint (refused with 409), without it the reply.
  it.each([
    ["with checkpointing", true],
    ["classic", false],
  ])("drops the write of a delivery whose lease lapsed and was re-claimed by the same worker (%s); the step is recorded once, from the current claim", async (_, checkpointing) => {
    const { fn, started, gates, counts } = gatedCharge();
    const applied = deferred();
    // NOTE: the default 60 s job lease heartbeats every 20 s of real time, so no heartbeat runs in this test.
    const wf = await startExecutor([fn], {
      checkpointing,
      db: hookedDb({ after: (sql) => (isInlineStepApply(sql) || isCheckpoint(sql)) && applied.resolve() }),
    });
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await send({ name: "test/fenced", data: {} });

    const first = wf.drain();
    await started[0]!.promise;
    // The lease lapses while delivery 1 still runs (an event-loop stall, a lost heartbeat): the same worker claims the job again.
    vi.setSystemTime(Date.now() + 61_000);
    const second = wf.drain();
    await started[1]!.promise;

    gates[0]!.resolve();
    await within(applied.promise, 5_000, "delivery 1's reply being applied");
    const run = await onlyRun();
    expect(run.status).toBe("RUNNING");
    expect(await chargeStep(run.id)).toBeUndefined();
    expect(counts.afterRuns).toBe(0);

    gates[1]!.resolve();
    await Promise.all([first, second]);
    expect(await wf.run(run.id)).toMatchObject({ status: "COMPLETED", output: "delivery-2" });
    expect(await chargeStep(run.id)).toMatchObject({ memo: { v: { data: "delivery-2" } }, attempts: 1 });
    expect((await wf.run(run.id))!.stack).toHaveLength(2);
    expect(counts).toEqual({ deliveries: 2, afterRuns: 1 });
  });

  it("does not swallow heartbeat errors: once the lease has run out unrenewed the call is abandoned, and its late reply never counts", async () => {
    const { fn, started, gates, counts } = gatedCharge();
    let isDatabaseFlaky = true;
    const wdb = hookedDb({
      before: (sql) => {
        if (isDatabaseFlaky && isLeaseExtension(sql)) throw new Error("Connection terminated unexpectedly");
      },
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const wf = await startExecutor([fn], { db: wdb, jobLeaseMs: 300 }); // heartbeats every 100 ms
    await send({ name: "test/fenced", data: {} });

    const drained = wf.drain();
    await started[0]!.promise;
    vi.setSystemTime(Date.now() + 1_000); // past the 300 ms lease that no heartbeat could extend
    await within(
      new Promise<void>((resolve) => {
        const poll = setInterval(() => warnings.mock.calls.some(([text]) => String(text).includes("abandoned the call")) && (clearInterval(poll), resolve()), 20);
      }),
      5_000,
      "abandoning the call whose lease ran out",
    );
    expect(errors.mock.calls.some(([text]) => String(text).includes("could not extend its lease"))).toBe(true);
    isDatabaseFlaky = false;

    // The job's lease lapsed, so the same drain claims it again: delivery 2 completes the run.
    gates[1]!.resolve();
    await within(drained, 5_000, "the re-claimed job completing the run");
    const run = await onlyRun();
    expect(await wf.run(run.id)).toMatchObject({ status: "COMPLETED", output: "delivery-2" });

    gates[0]!.resolve(); // delivery 1 finally replies: it was abandoned, nothing of it is applied
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await chargeStep(run.id)).toMatchObject({ memo: { v: { data: "delivery-2" } }, attempts: 1 });
    expect(counts).toEqual({ deliveries: 2, afterRuns: 1 });
  });

  it("aborts the call when the heartbeat finds the job claimed again, without waiting for the stale step to finish", async () => {
    const { fn, started, gates, counts } = gatedCharge();
    const heartbeatsHeld = deferred();
    let staleToken: string | null = null;
    // NOTE: the first claim's heartbeats wait until the job has been claimed again, so the test decides the order.
    const wdb = hookedDb({ before: (sql, args) => (isLeaseExtension(sql) && args[1] === staleToken ? heartbeatsHeld.promise : undefined) });
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const wf = await startExecutor([fn], { db: wdb, jobLeaseMs: 300 });
    await send({ name: "test/fenced", data: {} });

    const first = wf.drain();
    await started[0]!.promise;
    staleToken = (await db.inngestJob.findFirstOrThrow()).claimToken;
    vi.setSystemTime(Date.now() + 1_000);
    gates[1]!.resolve();
    const second = wf.drain();
    await started[1]!.promise;
    heartbeatsHeld.resolve();

    // Delivery 1 still hangs at its gate, yet both drains finish: its call was abandoned.
    await within(Promise.all([first, second]), 5_000, "abandoning the stale call");
    expect(warnings.mock.calls.some(([text, reason]) => String(text).includes("abandoned the call") && String(reason).includes("claimed again"))).toBe(true);
    const run = await onlyRun();
    expect(await wf.run(run.id)).toMatchObject({ status: "COMPLETED", output: "delivery-2" });
    gates[0]!.resolve();
    expect(counts).toEqual({ deliveries: 2, afterRuns: 1 });
  });

  it("stop() waits a short grace for a call in flight, then abandons it and releases the executor lease", async () => {
    const { fn, started, gates } = gatedCharge();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const wf = await startExecutor([fn], { pollMs: 20 });
    await wf.start();
    expect(await db.inngestLease.findUnique({ where: { name: "executor" } })).toMatchObject({ holder: wf.workerId });
    await send({ name: "test/fenced", data: {} });
    await within(started[0]!.promise, 5_000, "the loop starting the step");

    const stopping = performance.now();
    await within(wf.stop({ graceMs: 200 }), 5_000, "stop() returning while a step hangs");
    expect(performance.now() - stopping).toBeGreaterThanOrEqual(190);
    expect(await db.inngestLease.findUnique({ where: { name: "executor" } })).toBeNull();
    // The abandoned job stays for the next lease holder once its lease expires; nothing of the call was applied.
    const run = await onlyRun();
    expect(run.status).toBe("RUNNING");
    expect(await wf.jobs(run.id)).toMatchObject([{ stepId: "step", lockedBy: wf.workerId }]);
    gates[0]!.resolve();
  });
});
