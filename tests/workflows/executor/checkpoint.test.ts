import { createHash } from "node:crypto";
import type { InngestFunction } from "inngest";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { EMBEDDED_ORIGIN } from "@/server/workflows/engine";
import { cancelRun } from "@/server/workflows/embedded/actions";
import { embeddedFetch } from "@/server/workflows/embedded/fetch";
import type { ServeHandler } from "@/server/workflows/embedded/protocol";
import { hookedDb, isCheckpoint, type QueryHooks } from "../db-hooks";
import { deferred, resetWorld, send, serveFunctions, startExecutor, testInngest } from "../harness";

// The executor with async checkpointing on (the default): what the SDK paths pinned by
// tests/workflows/contract/checkpoint.test.ts mean for runs, on PostgreSQL (workflow-checkpointing.md §5).

type Counts = Record<string, number>;

/** The test's handler, counting the SDK requests (POSTs) the executor makes. */
const countingHandler = (functions: InngestFunction.Any[], replace?: (request: Request, post: number) => Promise<Response> | undefined) => {
  const real = serveFunctions(functions);
  const calls = { posts: 0 };
  const handler: ServeHandler = {
    PUT: real.PUT,
    POST: (request, context) => {
      calls.posts += 1;
      return replace?.(request, calls.posts) ?? real.POST(request, context);
    },
  };
  return { handler, calls };
};

/** The executor's database with its checkpoint statements counted (and optionally failed). */
const countingDb = (before?: QueryHooks["before"]) => {
  const checkpoints: string[][] = [];
  const wdb = hookedDb({
    before: (sql, args) => {
      if (!isCheckpoint(sql)) return undefined;
      checkpoints.push((JSON.parse(String(args[4])) as { name: string }[]).map((step) => step.name));
      return before?.(sql, args);
    },
  });
  return { wdb, checkpoints };
};

const steps = (id: string, n: number, counts: Counts, body?: (i: number, delivery: number) => Promise<unknown> | unknown) =>
  testInngest.createFunction({ id, retries: 2, triggers: [{ event: `test/${id}` }] }, async ({ step }) => {
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      sum += (await step.run(`s${i}`, async () => {
        const delivery = (counts[`s${i}`] = (counts[`s${i}`] ?? 0) + 1);
        await body?.(i, delivery);
        return i;
      })) as number;
    }
    return sum;
  });

const onlyRun = async (functionId: string) => {
  const runs = await db.inngestRun.findMany({ where: { functionId } });
  expect(runs).toHaveLength(1);
  return runs[0]!;
};

const stepNames = async (wf: Awaited<ReturnType<typeof startExecutor>>, runId: string) =>
  (await wf.run(runId))!.steps.map((step) => [step.name, step.result, step.attempts]);

describe("async checkpointing on the embedded executor", () => {
  beforeEach(resetWorld);
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("runs a 10-step function in ONE SDK request with ten fenced checkpoints; each step once, in order", async () => {
    const counts: Counts = {};
    const fn = steps("ten", 10, counts);
    const { handler, calls } = countingHandler([fn]);
    const { wdb, checkpoints } = countingDb();
    const wf = await startExecutor([fn], { handler, db: wdb });
    await send({ name: "test/ten", data: {} });
    await wf.drain();

    const run = await onlyRun("wft-ten");
    expect(run).toMatchObject({ status: "COMPLETED", output: 45 });
    expect(calls.posts).toBe(1);
    expect(checkpoints).toEqual(Array.from({ length: 10 }, (_, i) => [`s${i}`]));
    expect(await stepNames(wf, run.id)).toEqual(Array.from({ length: 10 }, (_, i) => [`s${i}`, { data: i }, 1]));
    expect(counts).toEqual(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, 1])));
    expect(await wf.jobs()).toEqual([]);
  });

  it("with checkpointing: false (the executor's kill switch) runs one request per step and never checkpoints", async () => {
    const counts: Counts = {};
    const fn = steps("classic", 3, counts);
    const { handler, calls } = countingHandler([fn]);
    const { wdb, checkpoints } = countingDb();
    const wf = await startExecutor([fn], { handler, db: wdb, checkpointing: false });
    await send({ name: "test/classic", data: {} });
    await wf.drain();
    expect(await onlyRun("wft-classic")).toMatchObject({ status: "COMPLETED", output: 3 });
    expect(calls.posts).toBe(4);
    expect(checkpoints).toEqual([]);
  });

  it("a cancel between two checkpoints: the next checkpoint is refused (409), the SDK stops, and its StaleDispatchError is not a failure", async () => {
    const counts: Counts = {};
    const started = deferred();
    const gate = deferred();
    const fn = steps("cancelled", 4, counts, async (i) => {
      if (i !== 1) return;
      started.resolve();
      await gate.promise;
    });
    const { handler, calls } = countingHandler([fn]);
    const wf = await startExecutor([fn], { handler });
    await send({ name: "test/cancelled", data: {} });
    const drained = wf.drain();
    await started.promise;
    const run = await onlyRun("wft-cancelled");
    await cancelRun({ runId: run.id });
    gate.resolve();
    await drained;

    expect(await wf.run(run.id)).toMatchObject({ status: "CANCELLED", error: null });
    // NOTE: s1 was running when the cancel landed: it finished, but its checkpoint was refused, so it is not recorded.
    expect(counts).toEqual({ s0: 1, s1: 1 });
    expect(await stepNames(wf, run.id)).toEqual([["s0", { data: 0 }, 1]]);
    expect(calls.posts).toBe(1);
    expect(await wf.jobs()).toEqual([]);
    expect(await wf.events("inngest/function.failed")).toEqual([]);
  });

  it("a checkpoint the database keeps failing (500) falls back to the 206; the next request knows every checkpointed step, none re-runs", async () => {
    const counts: Counts = {};
    const fn = steps("fallback", 5, counts);
    const { handler, calls } = countingHandler([fn]);
    let failures = 0;
    const { wdb, checkpoints } = countingDb((_, args) => {
      if (String(args[4]).includes(`"name":"s2"`) && failures < 5) {
        failures += 1;
        throw new Error("Connection terminated unexpectedly");
      }
    });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const wf = await startExecutor([fn], { handler, db: wdb });
    await send({ name: "test/fallback", data: {} });
    await wf.drain();

    const run = await onlyRun("wft-fallback");
    expect(run).toMatchObject({ status: "COMPLETED", output: 10 });
    expect(counts).toEqual({ s0: 1, s1: 1, s2: 1, s3: 1, s4: 1 });
    // Request 1: s0 and s1 checkpointed, s2 five times refused, then returned in the 206; request 2: s3 and s4.
    expect(checkpoints).toEqual([["s0"], ["s1"], ["s2"], ["s2"], ["s2"], ["s2"], ["s2"], ["s3"], ["s4"]]);
    expect(calls.posts).toBe(2);
    expect(await stepNames(wf, run.id)).toEqual(Array.from({ length: 5 }, (_, i) => [`s${i}`, { data: i }, 1]));
  });

  it("a fallback StepRun that repeats a checkpointed step changes nothing, and the run still moves on (inngest#4130)", async () => {
    const counts: Counts = {};
    const fn = steps("duplicate", 2, counts);
    const { handler, calls } = countingHandler([fn], (request, post) => {
      if (post !== 1) return undefined;
      return (async () => {
        // The SDK's checkpoint of s0 is accepted, then its reply repeats s0 as a plain StepRun.
        const body = (await request.clone().json()) as { ctx: { run_id: string; qi_id: string } };
        const s0 = { op: "StepRun", id: createHash("sha1").update("s0").digest("hex"), name: "s0", data: 0 };
        const checkpoint = await embeddedFetch(`${EMBEDDED_ORIGIN}/v1/checkpoint/${body.ctx.run_id}/async`, {
          method: "POST",
          body: JSON.stringify({ run_id: body.ctx.run_id, qi_id: body.ctx.qi_id, steps: [s0] }),
        });
        expect(checkpoint.status).toBe(200);
        counts.s0 = 1;
        return Response.json([s0], { status: 206, headers: { "x-inngest-sdk-handled": "true" } });
      })();
    });
    const wf = await startExecutor([fn], { handler });
    await send({ name: "test/duplicate", data: {} });
    await wf.drain();
    const run = await onlyRun("wft-duplicate");
    expect(run).toMatchObject({ status: "COMPLETED", output: 1 });
    expect(calls.posts).toBe(2);
    expect(counts).toEqual({ s0: 1, s1: 1 });
    expect(await stepNames(wf, run.id)).toEqual([["s0", { data: 0 }, 1], ["s1", { data: 1 }, 1]]);
  });

  it("a lease that lapses between checkpoints: the re-claimed delivery resumes after the last checkpoint, the stale one is fenced out at its next", async () => {
    const counts: Counts = {};
    const started = [deferred(), deferred()];
    const gates = [deferred(), deferred()];
    const fn = steps("lapsed", 4, counts, async (i, delivery) => {
      if (i !== 2) return;
      started[delivery - 1]!.resolve();
      await gates[delivery - 1]!.promise;
    });
    const { wdb, checkpoints } = countingDb();
    const wf = await startExecutor([fn], { db: wdb });
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await send({ name: "test/lapsed", data: {} });
    const first = wf.drain();
    await started[0]!.promise;
    vi.setSystemTime(Date.now() + 61_000); // delivery 1's lease lapses while s2 runs
    const second = wf.drain();
    await started[1]!.promise;
    gates[0]!.resolve(); // the stale delivery finishes s2: its checkpoint must be refused
    gates[1]!.resolve();
    await Promise.all([first, second]);

    const run = await onlyRun("wft-lapsed");
    expect(run).toMatchObject({ status: "COMPLETED", output: 6 });
    // s0 and s1 were checkpointed, so only the step in flight ran twice (at least once), the rest once.
    expect(counts).toEqual({ s0: 1, s1: 1, s2: 2, s3: 1 });
    expect(await stepNames(wf, run.id)).toEqual(Array.from({ length: 4 }, (_, i) => [`s${i}`, { data: i }, 1]));
    expect(checkpoints.filter(([name]) => name === "s2")).toHaveLength(2);
  });

  it("a step error after checkpoints is retried with attempt + 1; the checkpointed steps do not run again", async () => {
    const counts: Counts = {};
    const fn = steps("flaky", 4, counts, (i, delivery) => {
      if (i === 2 && delivery === 1) throw new Error("s2 failed once");
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/flaky", data: {} });
    await wf.drain();
    const run = await onlyRun("wft-flaky");
    expect(await wf.jobs(run.id)).toMatchObject([{ stepId: "step", attempt: 1 }]);
    await wf.advanceTime("2m");
    expect(await wf.run(run.id)).toMatchObject({ status: "COMPLETED", output: 6 });
    expect(counts).toEqual({ s0: 1, s1: 1, s2: 2, s3: 1 });
    expect(await stepNames(wf, run.id)).toEqual([["s0", { data: 0 }, 1], ["s1", { data: 1 }, 1], ["s2", { data: 2 }, 2], ["s3", { data: 3 }, 1]]);
  });

  it("sleep, waitForEvent and invoke after checkpoints: applied as in classic mode, and each resume checkpoints again", async () => {
    const ran: Counts = {};
    const count = (id: string) => (ran[id] = (ran[id] ?? 0) + 1);
    const child = testInngest.createFunction({ id: "child", retries: 0, triggers: [{ event: "test/child" }] }, async () => "child-done");
    const fn = testInngest.createFunction({ id: "mixed", retries: 0, triggers: [{ event: "test/mixed" }] }, async ({ step }) => {
      await step.run("a", () => count("a"));
      await step.sleep("nap", "1h");
      await step.run("b", () => count("b"));
      const paid = await step.waitForEvent("paid", { event: "test/paid", timeout: "1d" });
      await step.run("c", () => count("c"));
      const invoked = await step.invoke("call-child", { function: child, data: {} });
      await step.run("d", () => count("d"));
      return { paid: paid?.data, invoked };
    });
    const { wdb, checkpoints } = countingDb();
    const wf = await startExecutor([fn, child], { db: wdb });
    await send({ name: "test/mixed", data: {} });
    await wf.drain();
    const run = await onlyRun("wft-mixed");
    expect(await wf.jobs(run.id)).toMatchObject([{ kind: "WAKE" }]);
    await wf.advanceTime("1h");
    expect(await wf.pauses(run.id)).toMatchObject([{ kind: "WAIT", eventName: "test/paid" }]);
    await send({ name: "test/paid", data: { amount: 5 } });
    await wf.drain();
    expect(await wf.run(run.id)).toMatchObject({ status: "COMPLETED", output: { paid: { amount: 5 }, invoked: "child-done" } });
    expect(ran).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    expect(checkpoints).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });

  it("after a parallel group the fan-in's discovery clears disableImmediate, and the steps after it are checkpointed again", async () => {
    const fn = testInngest.createFunction({ id: "fan", retries: 0, triggers: [{ event: "test/fan" }] }, async ({ step }) => {
      await step.run("a", () => "a");
      const [p1, p2] = await Promise.all([step.run("p1", () => 1), step.run("p2", () => 2)]);
      await step.run("b", () => "b");
      await step.run("c", () => "c");
      return p1 + p2;
    });
    const { handler, calls } = countingHandler([fn]);
    const { wdb, checkpoints } = countingDb();
    const wf = await startExecutor([fn], { handler, db: wdb });
    await send({ name: "test/fan", data: {} });
    await wf.drain();
    const run = await onlyRun("wft-fan");
    expect(run).toMatchObject({ status: "COMPLETED", output: 3, disableImmediate: false });
    expect(checkpoints).toEqual([["a"], ["b"], ["c"]]);
    // a (+ plan p1, p2), the targeted p1 and p2, then one discovery that runs b and c.
    expect(calls.posts).toBe(4);
  });

  it("maxRuntime passed: the next step comes back planned, runs as a targeted call, and the next discovery checkpoints again", async () => {
    const ran: Counts = {};
    const fn = testInngest.createFunction(
      { id: "long", retries: 0, triggers: [{ event: "test/long" }], checkpointing: { bufferedSteps: 1, maxRuntime: 40 } },
      async ({ step }) => {
        for (let i = 0; i < 6; i += 1) {
          await step.run(`s${i}`, async () => {
            ran[`s${i}`] = (ran[`s${i}`] ?? 0) + 1;
            await new Promise((resolve) => setTimeout(resolve, 25));
          });
        }
        return "done";
      },
    );
    const { handler, calls } = countingHandler([fn]);
    const { wdb, checkpoints } = countingDb();
    const wf = await startExecutor([fn], { handler, db: wdb });
    await send({ name: "test/long", data: {} });
    await wf.drain();
    expect(await onlyRun("wft-long")).toMatchObject({ status: "COMPLETED", output: "done" });
    expect(ran).toEqual({ s0: 1, s1: 1, s2: 1, s3: 1, s4: 1, s5: 1 });
    expect(calls.posts).toBeGreaterThan(2);
    expect(checkpoints.length).toBeGreaterThan(1);
    expect(checkpoints.length).toBeLessThan(6);
  });

  it("a DiscoveryRequest op queues a discovery instead of failing the run", async () => {
    const counts: Counts = {};
    const fn = steps("discovery", 2, counts);
    const { handler, calls } = countingHandler([fn], (_, post) =>
      post === 1 ? Promise.resolve(Response.json([{ op: "DiscoveryRequest", id: "discovery" }], { status: 206, headers: { "x-inngest-sdk-handled": "true" } })) : undefined,
    );
    const wf = await startExecutor([fn], { handler });
    await send({ name: "test/discovery", data: {} });
    await wf.drain();
    expect(await onlyRun("wft-discovery")).toMatchObject({ status: "COMPLETED", output: 1 });
    expect(calls.posts).toBe(2);
    expect(counts).toEqual({ s0: 1, s1: 1 });
  });
});

describe("the one-statement completion path", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  const finishedEvent = async (wf: Awaited<ReturnType<typeof startExecutor>>, functionId: string) => {
    const run = await onlyRun(functionId);
    const events = (await wf.events("inngest/function.finished")).filter((event) => (event.data as { run_id: string }).run_id === run.id);
    expect(events).toHaveLength(1);
    const { id, receivedAt, ts, ...rest } = events[0]!;
    expect([id, receivedAt, ts]).toEqual([expect.any(String), expect.any(Date), expect.anything()]);
    return { run, event: rest };
  };

  it("stores function.finished exactly as the transaction path (ingest) does, and routes it when a function listens", async () => {
    const plain = testInngest.createFunction({ id: "plain", retries: 0, triggers: [{ event: "test/plain" }] }, async ({ step }) => step.run("a", () => ({ ok: 1 })));
    const fast = await startExecutor([plain]);
    await send({ name: "test/plain", data: { n: 1 } });
    await fast.drain();
    const viaStatement = await finishedEvent(fast, "wft-plain");

    await resetWorld();
    const listened: unknown[] = [];
    const listener = testInngest.createFunction(
      { id: "listener", retries: 0, triggers: [{ event: "inngest/function.finished", if: "event.data.function_id == 'wft-plain'" }] },
      async ({ event }) => listened.push(event.data.result),
    );
    const routed = await startExecutor([plain, listener]);
    await send({ name: "test/plain", data: { n: 1 } });
    await routed.drain();
    const viaIngest = await finishedEvent(routed, "wft-plain");

    expect(listened).toEqual([{ ok: 1 }]);
    const shape = ({ run, event }: typeof viaStatement) => ({
      run: { status: run.status, output: run.output, error: run.error },
      // NOTE: the run and event ids differ between the two runs; everything else must be the same.
      event: { ...event, data: { ...(event.data as object), run_id: "<run>", event: { ...(event.data as { event: object }).event, id: "<id>" }, events: [{ ...(event.data as { events: object[] }).events[0], id: "<id>" }] } },
    });
    expect(shape(viaStatement)).toEqual(shape(viaIngest));
    expect(viaStatement.event).toMatchObject({ name: "inngest/function.finished", externalId: null, user: {}, data: { function_id: "wft-plain", result: { ok: 1 } } });
  });

  // NOTE: a function that opts into batched checkpoints (bufferedSteps > 1) ends its request with the steps it
  // has not reported yet: 206 [StepRun…, RunComplete], which the completion statement stores with the result.
  const batched = (id: string, n: number, counts: Counts, triggers: { event: string }[] = [{ event: `test/${id}` }]) =>
    testInngest.createFunction({ id, retries: 0, triggers, checkpointing: { bufferedSteps: 4, maxRuntime: "10s" } }, async ({ step }) => {
      for (let i = 0; i < n; i += 1) await step.run(`s${i}`, () => ((counts[`s${i}`] = (counts[`s${i}`] ?? 0) + 1), i));
      return "batched-done";
    });

  it("a batched function's unflushed tail and its result are stored by the completion statement: every step once, in order", async () => {
    const counts: Counts = {};
    const fn = batched("batched", 6, counts);
    const { handler, calls } = countingHandler([fn]);
    const { wdb, checkpoints } = countingDb();
    const wf = await startExecutor([fn], { handler, db: wdb });
    await send({ name: "test/batched", data: {} });
    await wf.drain();

    const { run } = await finishedEvent(wf, "wft-batched");
    expect(run).toMatchObject({ status: "COMPLETED", output: "batched-done" });
    expect(calls.posts).toBe(1);
    expect(checkpoints).toEqual([["s0", "s1", "s2", "s3"]]);
    const hash = (id: string) => createHash("sha1").update(id).digest("hex");
    expect(run.stack).toEqual(Array.from({ length: 6 }, (_, i) => hash(`s${i}`)));
    expect(await stepNames(wf, run.id)).toEqual(Array.from({ length: 6 }, (_, i) => [`s${i}`, { data: i }, 1]));
    expect(counts).toEqual({ s0: 1, s1: 1, s2: 1, s3: 1, s4: 1, s5: 1 });
    expect(await wf.jobs()).toEqual([]);
  });

  it("a tail step an earlier delivery already stored keeps its first memo and is not stacked twice", async () => {
    const fn = batched("batched", 2, {});
    const hash = (id: string) => createHash("sha1").update(id).digest("hex");
    // NOTE: the reply of a delivery sent before an earlier one stored s0: its tail repeats s0 with another value.
    const reply = [
      { op: "StepRun", id: hash("s0"), name: "s0", data: "second" },
      { op: "StepRun", id: hash("s1"), name: "s1", data: 1 },
      { op: "RunComplete", id: hash("complete"), data: "batched-done" },
    ];
    const { handler } = countingHandler([fn], () => Promise.resolve(Response.json(reply, { status: 206, headers: { "x-inngest-sdk-handled": "true" } })));
    const wf = await startExecutor([fn], { handler });
    await send({ name: "test/batched", data: {} });
    const run = await db.inngestRun.findFirstOrThrow({ where: { functionId: "wft-batched" } });
    await db.$executeRawUnsafe(
      `INSERT INTO "InngestStep"("runId", "hashedId", op, name, memo, attempts) VALUES ($1, $2, 'StepRun', 's0', '{"v":{"data":"first"}}'::jsonb, 1)`,
      run.id, hash("s0"),
    );
    await db.$executeRawUnsafe(`UPDATE "InngestRun" SET stack = jsonb_build_array($2::text) WHERE id = $1`, run.id, hash("s0"));
    await wf.drain();

    const { run: done } = await finishedEvent(wf, "wft-batched");
    expect(done).toMatchObject({ status: "COMPLETED", output: "batched-done", stack: [hash("s0"), hash("s1")] });
    expect(await stepNames(wf, run.id)).toEqual([["s0", { data: "first" }, 1], ["s1", { data: 1 }, 1]]);
  });

  it("with a listener on function.finished the same tail goes through the transaction path, with the same rows", async () => {
    const counts: Counts = {};
    const fn = batched("batched", 6, counts);
    const listened: unknown[] = [];
    const listener = testInngest.createFunction(
      { id: "listener", retries: 0, triggers: [{ event: "inngest/function.finished", if: "event.data.function_id == 'wft-batched'" }] },
      async ({ event }) => listened.push(event.data.result),
    );
    const wf = await startExecutor([fn, listener]);
    await send({ name: "test/batched", data: {} });
    await wf.drain();
    const { run } = await finishedEvent(wf, "wft-batched");
    expect(run).toMatchObject({ status: "COMPLETED", output: "batched-done" });
    expect(await stepNames(wf, run.id)).toEqual(Array.from({ length: 6 }, (_, i) => [`s${i}`, { data: i }, 1]));
    expect(listened).toEqual(["batched-done"]);
  });

  it("leaves a run with a wait on function.finished to the transaction path, so the wait resumes", async () => {
    const plain = testInngest.createFunction({ id: "plain", retries: 0, triggers: [{ event: "test/plain" }] }, async () => "plain-done");
    const watcher = testInngest.createFunction({ id: "watcher", retries: 0, triggers: [{ event: "test/watch" }] }, async ({ step }) =>
      step.waitForEvent("finished", { event: "inngest/function.finished", timeout: "1h", if: "async.data.function_id == 'wft-plain'" }),
    );
    const wf = await startExecutor([plain, watcher]);
    await send({ name: "test/watch", data: {} });
    await wf.drain();
    await send({ name: "test/plain", data: {} });
    await wf.drain();
    expect(await onlyRun("wft-watcher")).toMatchObject({ status: "COMPLETED", output: { name: "inngest/function.finished", data: { result: "plain-done" } } });
  });
});
