import { NonRetriableError } from "inngest";
import { beforeEach, describe, expect, it } from "vitest";
import { APP_ID, buildCallBody, callFunction, createContractClient, hashStepId, parseOps, serveFunctions, TEST_EVENT } from "./helpers";

// Contract: what 4.24.0 does in async checkpointing mode (workflow-checkpointing.md §3), path by path. The
// embedded executor's checkpoint route and reply handling rely on each of these; an SDK upgrade that changes
// one fails here first.

const { client, recordingFetch } = createContractClient({ checkpointing: { bufferedSteps: 1, maxRuntime: "10s" } });
const buffered = createContractClient({ checkpointing: { bufferedSteps: 4, maxRuntime: "10s" } });
// NOTE: a duration string, as the embedded client sets it ("10s"): the SDK parses it with `ms`.
const shortRuntime = createContractClient({ checkpointing: { bufferedSteps: 1, maxRuntime: "60ms" } });

/** How often each step body ran in this test. */
const ran: Record<string, number> = {};
const count = (id: string) => (ran[id] = (ran[id] ?? 0) + 1);
const tenSteps = async ({ step }: { step: { run: (id: string, body: () => unknown) => Promise<unknown> } }) => {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += (await step.run(`s${i}`, () => (count(`s${i}`), i))) as number;
  return { sum };
};
const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const child = client.createFunction({ id: "child", retries: 0, triggers: [{ event: "contract/child" }] }, async () => "ok");
const functions = [
  child,
  client.createFunction({ id: "ten", retries: 2, triggers: [{ event: "contract/run" }] }, tenSteps),
  client.createFunction({ id: "then-sleep", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("a", () => count("a"));
    await step.sleep("nap", "1h");
  }),
  client.createFunction({ id: "then-wait", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("a", () => count("a"));
    return step.waitForEvent("wait-payment", { event: "payment/received", timeout: "1d" });
  }),
  client.createFunction({ id: "then-invoke", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("a", () => count("a"));
    return step.invoke("call-child", { function: child, data: { n: 1 } });
  }),
  client.createFunction({ id: "then-parallel", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("a", () => count("a"));
    const [p1, p2] = await Promise.all([step.run("p1", () => count("p1")), step.run("p2", () => count("p2"))]);
    const after = await step.run("after", () => count("after"));
    return { p1, p2, after };
  }),
  client.createFunction({ id: "then-throw", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("a", () => count("a"));
    await step.run("b", () => {
      count("b");
      throw new Error("b failed");
    });
  }),
  client.createFunction({ id: "then-non-retriable", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("a", () => count("a"));
    await step.run("b", () => {
      throw new NonRetriableError("b refused");
    });
  }),
  client.createFunction({ id: "function-throws", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("a", () => count("a"));
    throw new Error("the function failed");
  }),
  client.createFunction({ id: "send", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.sendEvent("announce", { name: "contract/sent", data: { n: 1 } });
    return "sent";
  }),
];
const handler = serveFunctions(client, functions);
const bufferedHandler = serveFunctions(buffered.client, [buffered.client.createFunction({ id: "ten", retries: 2, triggers: [{ event: "contract/run" }] }, tenSteps)]);
const slowHandler = serveFunctions(shortRuntime.client, [
  shortRuntime.client.createFunction({ id: "slow", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    for (let i = 0; i < 6; i += 1) await step.run(`s${i}`, async () => (count(`s${i}`), await sleepMs(25), i));
  }),
]);

const CHECKPOINT = { fnId: "fn-echoed", qiId: "job-1:claim-1" };
const RUN_ID = "01JCONTRACTRUN000000000000";
const memosOf = (ids: string[]) => Object.fromEntries(ids.map((id, i) => [hashStepId(id), { data: i }]));
/** The ops of every checkpoint call so far, flattened: [op, name, data]. */
const checkpointed = (fetch = recordingFetch) => fetch.checkpoints.flatMap(({ body }) => body.steps.map((op) => [op.op, op.name, op.data]));

const reset = () => {
  for (const fetch of [recordingFetch, buffered.recordingFetch, shortRuntime.recordingFetch]) {
    fetch.checkpoints.length = 0;
    fetch.checkpointStatus = () => 200;
  }
  for (const key of Object.keys(ran)) delete ran[key];
};

describe("async checkpointing (ctx.fn_id + ctx.qi_id), 4.24.0", () => {
  beforeEach(reset);

  it("runs all sequential steps in one request, one checkpoint per step, and answers 206 [RunComplete]", async () => {
    const res = await callFunction(handler, { fnId: "ten", body: buildCallBody({ checkpoint: CHECKPOINT }) });

    expect(res.status).toBe(206);
    expect(parseOps(res)).toEqual([{ op: "RunComplete", id: hashStepId("complete"), data: { sum: 45 } }]);
    expect(recordingFetch.checkpoints).toHaveLength(10);
    expect(checkpointed()).toEqual(Array.from({ length: 10 }, (_, i) => ["StepRun", `s${i}`, i]));
    const [first] = recordingFetch.checkpoints;
    // NOTE: fn_id and qi_id come back verbatim; the executor fences on qi_id (<jobId>:<claimToken>).
    expect(first).toMatchObject({ runId: RUN_ID, body: { run_id: RUN_ID, fn_id: CHECKPOINT.fnId, qi_id: CHECKPOINT.qiId } });
    expect(first!.body.steps[0]).toMatchObject({ op: "StepRun", id: hashStepId("s0"), name: "s0", displayName: "s0", data: 0 });
    expect(Object.values(ran)).toEqual(Array(10).fill(1));
  });

  it("sends the checkpoint to {apiBaseUrl}/v1/checkpoint/{runId}/async with the hashed signing key as Bearer", async () => {
    const before = recordingFetch.requests.length;
    await callFunction(handler, { fnId: "then-sleep", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    const [request] = recordingFetch.requests.slice(before);
    expect(request).toMatchObject({ url: `http://inngest.embedded.invalid/v1/checkpoint/${RUN_ID}/async`, method: "POST" });
    expect(request!.headers.get("authorization")).toMatch(/^Bearer signkey-test-[0-9a-f]{64}$/);
  });

  it("stays classic without ctx.fn_id, with disable_immediate_execution, and for a targeted step", async () => {
    const classic = await callFunction(handler, { fnId: "ten", body: buildCallBody() });
    expect(parseOps(classic)).toMatchObject([{ op: "StepRun", id: hashStepId("s0"), data: 0 }]);
    const parallel = await callFunction(handler, { fnId: "ten", body: buildCallBody({ checkpoint: CHECKPOINT, disableImmediateExecution: true }) });
    expect(parseOps(parallel)).toMatchObject([{ op: "StepPlanned", id: hashStepId("s0") }]);
    const targeted = await callFunction(handler, { fnId: "ten", stepId: hashStepId("s0"), body: buildCallBody({ checkpoint: CHECKPOINT }) });
    expect(parseOps(targeted)).toMatchObject([{ op: "StepRun", id: hashStepId("s0"), data: 0 }]);
    expect(recordingFetch.checkpoints).toEqual([]);
  });

  it("resumes from memoised steps and checkpoints only the rest", async () => {
    const res = await callFunction(handler, { fnId: "ten", body: buildCallBody({ checkpoint: CHECKPOINT, steps: memosOf(["s0", "s1", "s2", "s3", "s4"]) }) });
    expect(parseOps(res)).toEqual([{ op: "RunComplete", id: hashStepId("complete"), data: { sum: 45 } }]);
    expect(checkpointed().map(([, name]) => name)).toEqual(["s5", "s6", "s7", "s8", "s9"]);
  });

  it.each([
    ["then-sleep", { op: "Sleep", name: "1h", displayName: "nap", opts: {} }],
    ["then-wait", { op: "WaitForEvent", name: "payment/received", displayName: "wait-payment", opts: { timeout: "1d" } }],
    ["then-invoke", { op: "InvokeFunction", opts: { function_id: `${APP_ID}-child`, payload: { data: { n: 1 } } } }],
  ])("%s: flushes the steps before, then returns the async op in the 206 as in classic mode", async (fnId, expected) => {
    const res = await callFunction(handler, { fnId, body: buildCallBody({ checkpoint: CHECKPOINT }) });
    expect(checkpointed()).toEqual([["StepRun", "a", 1]]);
    const ops = parseOps(res);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject(expected);
  });

  it("flushes the step before a Promise.all, then returns the parallel steps as StepPlanned", async () => {
    const res = await callFunction(handler, { fnId: "then-parallel", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    expect(checkpointed()).toEqual([["StepRun", "a", 1]]);
    expect(parseOps(res)).toMatchObject([
      { op: "StepPlanned", id: hashStepId("p1") },
      { op: "StepPlanned", id: hashStepId("p2") },
    ]);
    expect(ran).toEqual({ a: 1 });
  });

  it("checkpoints again after the fan-in once disable_immediate_execution is reset to false", async () => {
    const steps = { ...memosOf(["a"]), [hashStepId("p1")]: { data: 1 }, [hashStepId("p2")]: { data: 1 } };
    const res = await callFunction(handler, { fnId: "then-parallel", body: buildCallBody({ checkpoint: CHECKPOINT, steps }) });
    expect(checkpointed()).toEqual([["StepRun", "after", 1]]);
    expect(parseOps(res)).toEqual([{ op: "RunComplete", id: hashStepId("complete"), data: { p1: 1, p2: 1, after: 1 } }]);
  });

  it("a step error after checkpoints: 206 [StepError], retriable, the earlier steps already flushed", async () => {
    const res = await callFunction(handler, { fnId: "then-throw", body: buildCallBody({ checkpoint: CHECKPOINT, maxAttempts: 3 }) });
    expect(checkpointed()).toEqual([["StepRun", "a", 1]]);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(parseOps(res)).toMatchObject([{ op: "StepError", id: hashStepId("b"), error: { name: "Error", message: "b failed" } }]);
  });

  it("a step error on the last attempt, or a NonRetriableError: 206 [StepFailed], no retry", async () => {
    const last = await callFunction(handler, { fnId: "then-throw", body: buildCallBody({ checkpoint: CHECKPOINT, maxAttempts: 1 }) });
    expect(last.headers.get("x-inngest-no-retry")).toBe("true");
    expect(parseOps(last)).toMatchObject([{ op: "StepFailed", id: hashStepId("b"), error: { message: "b failed" } }]);
    const refused = await callFunction(handler, { fnId: "then-non-retriable", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    expect(parseOps(refused)).toMatchObject([{ op: "StepFailed", id: hashStepId("b"), error: { name: "NonRetriableError" } }]);
    expect(checkpointed()).toEqual([["StepRun", "a", 1], ["StepRun", "a", 2]]);
  });

  it("a function-level error after checkpoints: 500, retriable", async () => {
    const res = await callFunction(handler, { fnId: "function-throws", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    expect(checkpointed()).toEqual([["StepRun", "a", 1]]);
    expect(res.status).toBe(500);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
  });

  it("a retry (attempt > 0) checkpoints nothing: the first successful step comes back at once as 206 [StepRun]", async () => {
    const res = await callFunction(handler, { fnId: "ten", body: buildCallBody({ checkpoint: CHECKPOINT, attempt: 1 }) });
    expect(parseOps(res)).toMatchObject([{ op: "StepRun", id: hashStepId("s0"), data: 0 }]);
    expect(recordingFetch.checkpoints).toEqual([]);
  });

  it("step.sendEvent is checkpointed as a StepRun with opts.type step.sendEvent and the event ids as data", async () => {
    const res = await callFunction(handler, { fnId: "send", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    expect(parseOps(res)).toMatchObject([{ op: "RunComplete", data: "sent" }]);
    expect(recordingFetch.checkpoints).toHaveLength(1);
    expect(recordingFetch.checkpoints[0]!.body.steps[0]).toMatchObject({ op: "StepRun", opts: { type: "step.sendEvent" }, data: { ids: [expect.any(String)] } });
  });

  it("409 on the 3rd checkpoint: no retry, no further step; the handler answers 400 StaleDispatchError, no-retry", async () => {
    recordingFetch.checkpointStatus = (call) => (call === 3 ? 409 : 200);
    const res = await callFunction(handler, { fnId: "ten", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(res.json).toMatchObject({ name: "StaleDispatchError" });
    // NOTE: s2 ran, but its result was dropped with the 409: at most one extra step runs after the fence fails.
    expect(recordingFetch.checkpoints).toHaveLength(3);
    expect(ran).toEqual({ s0: 1, s1: 1, s2: 1 });
  });

  it("500 from the 3rd checkpoint on: five attempts over about 1.5–2 s, then the step comes back in the 206 (fallback)", async () => {
    recordingFetch.checkpointStatus = (call) => (call >= 3 ? 500 : 200);
    const started = performance.now();
    const res = await callFunction(handler, { fnId: "ten", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    const elapsed = performance.now() - started;
    expect(checkpointed().map(([, name]) => name)).toEqual(["s0", "s1", "s2", "s2", "s2", "s2", "s2"]);
    expect(elapsed).toBeGreaterThan(1_400);
    // NOTE: the fallback op carries the SDK's internal fields too; the executor reads only the public ones.
    expect(parseOps(res)).toMatchObject([{ op: "StepRun", id: hashStepId("s2"), name: "s2", data: 2 }]);
    expect(parseOps(res)).toHaveLength(1);
    expect(ran).toEqual({ s0: 1, s1: 1, s2: 1 });
  });

  it("a transient 503 is retried and the run goes on", async () => {
    recordingFetch.checkpointStatus = (call) => (call === 2 ? 503 : 200);
    const res = await callFunction(handler, { fnId: "ten", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    expect(parseOps(res)).toMatchObject([{ op: "RunComplete", data: { sum: 45 } }]);
    expect(checkpointed().map(([, name]) => name)).toEqual(["s0", "s1", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"]);
  });

  it("maxRuntime passed: the next new step comes back as 206 [StepPlanned], not DiscoveryRequest", async () => {
    const res = await callFunction(slowHandler, { fnId: "slow", body: buildCallBody({ checkpoint: CHECKPOINT }) });
    const ops = parseOps(res);
    expect(ops).toHaveLength(1);
    const flushed = checkpointed(shortRuntime.recordingFetch).map(([, name]) => name);
    expect(flushed.length).toBeGreaterThan(0);
    expect(flushed.length).toBeLessThan(6);
    expect(ops[0]).toMatchObject({ op: "StepPlanned", id: hashStepId(`s${flushed.length}`) });
  });

  it("bufferedSteps > 1: one checkpoint per N steps, and the unflushed tail comes back before RunComplete", async () => {
    const res = await callFunction(bufferedHandler, { fnId: "ten", body: buildCallBody({ checkpoint: CHECKPOINT, event: TEST_EVENT }) });
    expect(buffered.recordingFetch.checkpoints.map(({ body }) => body.steps.map((op) => op.name))).toEqual([
      ["s0", "s1", "s2", "s3"],
      ["s4", "s5", "s6", "s7"],
    ]);
    expect(parseOps(res)).toMatchObject([
      { op: "StepRun", name: "s8", data: 8 },
      { op: "StepRun", name: "s9", data: 9 },
      { op: "RunComplete", data: { sum: 45 } },
    ]);
  });
});
