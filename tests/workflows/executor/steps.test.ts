import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NonRetriableError, RetryAfterError } from "inngest";
import { resetWorld, send, startExecutor, testInngest } from "../harness";

describe("step.run", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("runs sequential steps once each, memoises results and completes with the return value", async () => {
    const calls: string[] = [];
    const fn = testInngest.createFunction(
      { id: "seq", retries: 0, triggers: [{ event: "test/seq.requested" }] },
      async ({ event, step }) => {
        const a = await step.run("a", () => {
          calls.push("a");
          return { n: (event.data as { n: number }).n + 1 };
        });
        const b = await step.run("b", () => {
          calls.push("b");
          return a.n * 10;
        });
        return { b };
      },
    );
    const wf = await startExecutor([fn]);
    await send({ name: "test/seq.requested", data: { n: 1 } });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-seq" });
    expect(run).toMatchObject({ status: "COMPLETED", output: { b: 20 } });
    expect(calls).toEqual(["a", "b"]);
    const detail = await wf.run(run!.id);
    expect(detail?.steps.map((s) => [s.name, s.result, s.attempts])).toEqual([
      ["a", { data: { n: 2 } }, 1],
      ["b", { data: 20 }, 1],
    ]);
  });
});

describe("parallel steps, retries and errors", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("runs Promise.all steps as planned steps, then one discovery that clears disable_immediate_execution", async () => {
    const fn = testInngest.createFunction({ id: "par", retries: 0, triggers: [{ event: "test/par" }] }, async ({ step }) => {
      const [p1, p2] = await Promise.all([step.run("p1", () => 1), step.run("p2", () => 2)]);
      const after = await step.run("after", () => p1 + p2);
      return after;
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/par", data: {} });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-par" });
    // NOTE: the fan-in's discovery resets the flag (Go's maybeResetForceStepPlan), so "after" ran at once again.
    expect(run).toMatchObject({ status: "COMPLETED", output: 3, disableImmediate: false });
    const detail = await wf.run(run!.id);
    expect(detail?.steps.map((s) => s.name)).toEqual(expect.arrayContaining(["p1", "p2", "after"]));
    expect(detail?.steps.at(-1)?.name).toBe("after");
    expect(detail?.stack).toHaveLength(3);
  });

  it("retries a throwing step after the table backoff and resets the attempt after success", async () => {
    let calls = 0;
    const fn = testInngest.createFunction({ id: "flaky", retries: 2, triggers: [{ event: "test/flaky" }] }, async ({ step }) => {
      const value = await step.run("flaky", () => {
        calls += 1;
        if (calls < 3) throw new Error(`boom ${calls}`);
        return "ok";
      });
      await step.run("next", () => "next");
      return value;
    });
    const executor = await startExecutor([fn]);
    await send({ name: "test/flaky", data: {} });
    await executor.drain();
    const [run] = await executor.runs({ functionId: "wft-flaky" });
    expect(run?.status).toBe("RUNNING");
    const [job] = await executor.jobs(run!.id);
    // attempt 0 failed: the table says 15 s (jitter fixed at 0 in tests)
    expect(job).toMatchObject({ attempt: 1, stepId: "step" });
    expect(job!.runAt.getTime() - Date.now()).toBe(15_000);
    const pending = await executor.run(run!.id);
    expect(pending?.steps[0]).toMatchObject({ name: "flaky", attempts: 1, isPending: true, lastError: { message: "boom 1" } });

    await executor.advanceTime("14s");
    expect(calls).toBe(1);
    await executor.advanceTime("2m");
    expect(calls).toBe(3);
    const done = await executor.run(run!.id);
    expect(done).toMatchObject({ status: "COMPLETED", output: "ok" });
    expect(done?.steps[0]).toMatchObject({ name: "flaky", attempts: 3, result: { data: "ok" } });
  });

  it("memoises a step that exhausted its retries as an error that user code can catch", async () => {
    const fn = testInngest.createFunction({ id: "catches", retries: 1, triggers: [{ event: "test/catches" }] }, async ({ step }) => {
      try {
        await step.run("always", () => {
          throw new Error("nope");
        });
        return "unreachable";
      } catch (error) {
        return `caught: ${(error as Error).message}`;
      }
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/catches", data: {} });
    await wf.advanceTime("1h");
    const [run] = await wf.runs({ functionId: "wft-catches" });
    expect(run).toMatchObject({ status: "COMPLETED", output: "caught: nope" });
    const detail = await wf.run(run!.id);
    expect(detail?.steps[0]?.result).toMatchObject({ error: { message: "nope" } });
  });

  it("fails the run at once on a function-level NonRetriableError", async () => {
    let calls = 0;
    const fn = testInngest.createFunction({ id: "nonretry", retries: 5, triggers: [{ event: "test/nonretry" }] }, async () => {
      calls += 1;
      throw new NonRetriableError("bad input");
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/nonretry", data: {} });
    await wf.advanceTime("1d");
    const [run] = await wf.runs({ functionId: "wft-nonretry" });
    expect(run).toMatchObject({ status: "FAILED", error: { name: "NonRetriableError", message: "bad input" } });
    expect(calls).toBe(1);
  });

  it("fails the run after the retry budget on function-level errors (max attempts = retries + 1)", async () => {
    let calls = 0;
    const fn = testInngest.createFunction({ id: "fnerr", retries: 2, triggers: [{ event: "test/fnerr" }] }, async () => {
      calls += 1;
      throw new Error(`fail ${calls}`);
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/fnerr", data: {} });
    await wf.advanceTime("1h");
    const [run] = await wf.runs({ functionId: "wft-fnerr" });
    expect(run).toMatchObject({ status: "FAILED", error: { message: "fail 3" } });
    expect(calls).toBe(3);
  });

  it("honours RetryAfterError's delay instead of the table", async () => {
    let calls = 0;
    const fn = testInngest.createFunction({ id: "retryafter", retries: 3, triggers: [{ event: "test/ra" }] }, async ({ step }) =>
      step.run("limited", () => {
        calls += 1;
        if (calls === 1) throw new RetryAfterError("rate limited", "2m");
        return "done";
      }),
    );
    const wf = await startExecutor([fn]);
    await send({ name: "test/ra", data: {} });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-retryafter" });
    const [job] = await wf.jobs(run!.id);
    expect(job!.runAt.getTime() - Date.now()).toBe(120_000);
    await wf.advanceTime("119s");
    expect(calls).toBe(1);
    await wf.advanceTime("1s");
    expect(await wf.run(run!.id)).toMatchObject({ status: "COMPLETED", output: "done" });
  });

  it("fails only that run, readably, when a step throws a value that cannot be serialised", async () => {
    const fn = testInngest.createFunction({ id: "weird", retries: 0, triggers: [{ event: "test/weird" }] }, async ({ step }) => {
      await step.run("bigint", () => {
        throw 10n;
      });
    });
    const ok = testInngest.createFunction({ id: "fine", retries: 0, triggers: [{ event: "test/weird" }] }, async ({ step }) =>
      step.run("fine", () => "fine"),
    );
    const wf = await startExecutor([fn, ok]);
    await send({ name: "test/weird", data: {} });
    await wf.advanceTime("1h");
    const [weird] = await wf.runs({ functionId: "wft-weird" });
    expect(weird?.status).toBe("FAILED");
    expect(typeof (weird?.error as { message?: unknown }).message).toBe("string");
    expect(await wf.runs({ functionId: "wft-fine" })).toMatchObject([{ status: "COMPLETED", output: "fine" }]);
  });

  it("fails only that run, readably, when a step returns a value the database cannot store", async () => {
    const fn = testInngest.createFunction({ id: "nul", retries: 0, triggers: [{ event: "test/nul" }] }, async ({ step }) =>
      step.run("nul", () => "a\u0000b"),
    );
    const wf = await startExecutor([fn]);
    await send({ name: "test/nul", data: {} });
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-nul" })).toMatchObject([
      { status: "FAILED", error: { message: expect.stringContaining("could not record the step result") } },
    ]);
    expect(await wf.jobs()).toEqual([]);
  });
});
