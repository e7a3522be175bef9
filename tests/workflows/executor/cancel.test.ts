import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { cancelRun } from "@/server/workflows/embedded/actions";
import { hookedDb, isCheckpoint, isInlineStepApply } from "../db-hooks";
import { deferred, resetWorld, send, startExecutor, testInngest } from "../harness";

const twoSteps = (gate?: Promise<void>) => {
  const counts = { first: 0, second: 0 };
  const started = deferred();
  const fn = testInngest.createFunction({ id: "cancellable", retries: 0, triggers: [{ event: "test/cancellable" }] }, async ({ step }) => {
    await step.run("first", async () => {
      counts.first += 1;
      started.resolve();
      await gate;
    });
    await step.run("second", () => {
      counts.second += 1;
    });
    return "finished";
  });
  return { fn, counts, started };
};

const onlyRunId = async () => (await db.inngestRun.findFirstOrThrow({ where: { functionId: "wft-cancellable" } })).id;

describe("cancelling a run while it executes", () => {
  beforeEach(resetWorld);
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("runs no further step after a cancel that lands while a step is running", async () => {
    const gate = deferred();
    const { fn, counts, started } = twoSteps(gate.promise);
    const wf = await startExecutor([fn]);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await send({ name: "test/cancellable", data: {} });
    const drained = wf.drain();
    await started.promise;
    await cancelRun({ runId: await onlyRunId() });
    gate.resolve();
    await drained;
    expect(await wf.run(await onlyRunId())).toMatchObject({ status: "CANCELLED", stack: [] });
    expect(counts).toEqual({ first: 1, second: 0 });
    expect(await wf.jobs()).toEqual([]);
  });

  it("runs no further step from the in-memory continuation when the cancel commits right after the previous step's reply", async () => {
    const { fn, counts } = twoSteps();
    let runId: string | undefined;
    // NOTE: the cancel commits between the statement that records "first" (and queues the next discovery,
    // already leased to this worker) and the call that would run "second" from the state held in memory.
    const wdb = hookedDb({
      after: async (sql) => {
        if (!runId && isInlineStepApply(sql)) {
          runId = await onlyRunId();
          await cancelRun({ runId });
        }
      },
    });
    // NOTE: classic mode; with checkpointing "second" starts in the same request (see the next test).
    const wf = await startExecutor([fn], { db: wdb, checkpointing: false });
    await send({ name: "test/cancellable", data: {} });
    await wf.drain();
    expect(runId).toBeDefined();
    expect(await wf.run(runId!)).toMatchObject({ status: "CANCELLED" });
    expect(counts).toEqual({ first: 1, second: 0 });
    expect(await wf.jobs()).toEqual([]);
  });

  it("with checkpointing, a cancel that commits right after a checkpoint: the step already started runs, its checkpoint is refused, nothing more", async () => {
    const { fn, counts } = twoSteps();
    let runId: string | undefined;
    const wdb = hookedDb({
      after: async (sql) => {
        if (!runId && isCheckpoint(sql)) {
          runId = await onlyRunId();
          await cancelRun({ runId });
        }
      },
    });
    const wf = await startExecutor([fn], { db: wdb });
    await send({ name: "test/cancellable", data: {} });
    await wf.drain();
    expect(runId).toBeDefined();
    // NOTE: the SDK starts "second" as soon as "first" is acknowledged; its result is dropped with the 409.
    expect(await wf.run(runId!)).toMatchObject({ status: "CANCELLED", stack: [expect.any(String)] });
    expect(counts).toEqual({ first: 1, second: 1 });
    expect((await wf.run(runId!))!.steps.map((step) => step.name)).toEqual(["first"]);
    expect(await wf.jobs()).toEqual([]);
  });
});
