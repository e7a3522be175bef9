import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { ingest } from "@/server/workflows/embedded/ingest";
import { resetWorld, send, startExecutor, T0, testInngest } from "../harness";

const echo = (id: string, triggers: { event: string; if?: string }[]) =>
  testInngest.createFunction({ id, retries: 0, triggers }, async ({ event }) => event.name);

describe("event triggers", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("matches exact names, prefix/* wildcards and CEL expressions (an evaluation error is no match)", async () => {
    const wf = await startExecutor([
      echo("exact", [{ event: "billing/invoice.paid" }]),
      echo("wild", [{ event: "billing/*" }]),
      echo("big", [{ event: "billing/invoice.paid", if: "event.data.amount > 100" }]),
    ]);
    await send([
      { name: "billing/invoice.paid", data: { amount: 500 } },
      { name: "billing/invoice.voided", data: {} },
      { name: "billing/invoice.paid", data: { amount: 5 } },
      { name: "billing/invoice.paid", data: { other: true } },
      { name: "billingx/invoice.paid", data: {} },
    ]);
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-exact" })).toHaveLength(3);
    expect(await wf.runs({ functionId: "wft-wild" })).toHaveLength(4);
    expect(await wf.runs({ functionId: "wft-big" })).toMatchObject([{ status: "COMPLETED", output: "billing/invoice.paid" }]);
  });

  it("deduplicates a user-supplied event id for 24 hours", async () => {
    const wf = await startExecutor([echo("dedupe", [{ event: "test/once" }])]);
    await send({ name: "test/once", id: "evt-1", data: {} });
    await send({ name: "test/once", id: "evt-1", data: {} });
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-dedupe" })).toHaveLength(1);
    await wf.advanceTime("25h");
    await send({ name: "test/once", id: "evt-1", data: {} });
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-dedupe" })).toHaveLength(2);
  });

  it("creates one run per idempotency key", async () => {
    const fn = testInngest.createFunction(
      { id: "idem", retries: 0, idempotency: "event.data.invoiceId", triggers: [{ event: "test/idem" }] },
      async () => "ran",
    );
    const wf = await startExecutor([fn]);
    await send([
      { name: "test/idem", data: { invoiceId: "i1" } },
      { name: "test/idem", data: { invoiceId: "i1" } },
      { name: "test/idem", data: { invoiceId: "i2" } },
    ]);
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-idem" })).toHaveLength(2);
  });

  it("step.sendEvent fans out through the executor like send()", async () => {
    const parent = testInngest.createFunction({ id: "fanout", retries: 0, triggers: [{ event: "test/fanout" }] }, async ({ step }) =>
      step.sendEvent("children", [1, 2, 3].map((n) => ({ name: "test/child", data: { n } }))),
    );
    const child = testInngest.createFunction({ id: "child", retries: 0, triggers: [{ event: "test/child" }] }, async ({ event }) => (event.data as { n: number }).n * 2);
    const wf = await startExecutor([parent, child]);
    await send({ name: "test/fanout", data: {} });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-fanout" });
    expect((run?.output as { ids: string[] }).ids).toHaveLength(3);
    const children = await wf.runs({ functionId: "wft-child" });
    expect(children.map((c) => c.output).sort()).toEqual([2, 4, 6]);
  });
});

describe("bad input is refused before anything is stored", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it.each([
    { label: "empty name", event: { name: "", data: {} }, message: /name is empty/ },
    { label: "name with whitespace", event: { name: "billing/invoice paid", data: {} }, message: /contains whitespace/ },
    { label: "array data", event: { name: "test/x", data: [1, 2] }, message: /data must be a plain object/ },
    { label: "string data", event: { name: "test/x", data: "text" }, message: /data must be a plain object/ },
    { label: "a NUL character", event: { name: "test/x", data: { text: "a\u0000b" } }, message: /NUL/ },
    { label: "oversized payload", event: { name: "test/x", data: { blob: "x".repeat(300 * 1024) } }, message: /256 KiB/ },
  ])("ingest and emitEvents refuse $label", async ({ event, message }) => {
    const { emitEvents } = await import("@/server/workflows/emit");
    await expect(ingest([{ name: "test/ok", data: {} }, event])).rejects.toThrow(message);
    await expect(emitEvents(event as never)).rejects.toThrow(message);
    expect(await db.inngestEvent.count()).toBe(0);
    expect(await db.inngestRun.count()).toBe(0);
  });
});

describe("cancelOn, onFailure and lifecycle events", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("finishes a run whose lifecycle event (event + result) is over the app's 256 KiB limit", async () => {
    const fn = testInngest.createFunction({ id: "big", retries: 0, triggers: [{ event: "test/big" }] }, async ({ event }) => event.data);
    const wf = await startExecutor([fn]);
    await send({ name: "test/big", data: { blob: "x".repeat(200 * 1024) } });
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-big" })).toMatchObject([{ status: "COMPLETED" }]);
    expect(await wf.events("inngest/function.finished")).toHaveLength(1);
  });

  it("cancels a waiting run on a matching event, emits function.cancelled and no function.failed", async () => {
    const fn = testInngest.createFunction(
      { id: "renewal", retries: 0, cancelOn: [{ event: "test/account.deleted", match: "data.accountId" }], triggers: [{ event: "test/renewal" }] },
      async ({ step }) => {
        await step.sleep("until-renewal", "30d");
        await step.run("charge", () => "charged");
      },
    );
    const wf = await startExecutor([fn]);
    await send([{ name: "test/renewal", data: { accountId: "a1" } }, { name: "test/renewal", data: { accountId: "a2" } }]);
    await wf.drain();
    await send({ name: "test/account.deleted", data: { accountId: "a1" } });
    await wf.advanceTime("31d");
    const runs = await wf.runs({ functionId: "wft-renewal" });
    const byAccount = Object.fromEntries(runs.map((r) => [(r.event as { data: { accountId: string } }).data.accountId, r.status]));
    expect(byAccount).toEqual({ a1: "CANCELLED", a2: "COMPLETED" });
    expect(await wf.events("inngest/function.cancelled")).toHaveLength(1);
    expect(await wf.events("inngest/function.failed")).toHaveLength(0);
    expect(await wf.events("inngest/function.finished")).toHaveLength(1);
  });

  it("runs onFailure with the failed run's error and event", async () => {
    const fn = testInngest.createFunction(
      {
        id: "provision",
        retries: 0,
        triggers: [{ event: "test/provision" }],
        onFailure: async ({ event, error }) => ({ failedRun: event.data.run_id, message: error.message, serverId: (event.data.event.data as { serverId: string }).serverId }),
      },
      async () => {
        throw new Error("panel down");
      },
    );
    const wf = await startExecutor([fn]);
    await send({ name: "test/provision", data: { serverId: "s1" } });
    await wf.drain();
    const [failed] = await wf.runs({ functionId: "wft-provision" });
    expect(failed?.status).toBe("FAILED");
    expect(await wf.runs({ functionId: "wft-provision-failure" })).toMatchObject([
      { status: "COMPLETED", output: { failedRun: failed!.id, message: "panel down", serverId: "s1" } },
    ]);
  });
});

describe("step.invoke", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  const child = testInngest.createFunction({ id: "child-fn", retries: 0, triggers: [{ event: "test/never" }] }, async ({ event, step }) => {
    const data = event.data as { mode: string; n: number };
    if (data.mode === "slow") await step.sleep("slow", "2h");
    if (data.mode === "fail") throw new Error("child failed");
    return data.n + 1;
  });
  const parent = testInngest.createFunction({ id: "parent-fn", retries: 0, triggers: [{ event: "test/parent" }] }, async ({ event, step }) => {
    try {
      return await step.invoke("call-child", { function: child, data: event.data as { mode: string; n: number }, timeout: "1h" });
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  });

  it("returns the child's output, ignoring the child's triggers", async () => {
    const wf = await startExecutor([parent, child]);
    await send({ name: "test/parent", data: { mode: "ok", n: 41 } });
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-parent-fn" })).toMatchObject([{ status: "COMPLETED", output: 42 }]);
    const [childRun] = await wf.runs({ functionId: "wft-child-fn" });
    expect(childRun).toMatchObject({ status: "COMPLETED", eventName: "inngest/function.invoked" });
  });

  it("surfaces the child's failure as a step error", async () => {
    const wf = await startExecutor([parent, child]);
    await send({ name: "test/parent", data: { mode: "fail", n: 0 } });
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-parent-fn" })).toMatchObject([{ status: "COMPLETED", output: "error: child failed" }]);
  });

  it("times out while the child keeps running", async () => {
    const wf = await startExecutor([parent, child]);
    await send({ name: "test/parent", data: { mode: "slow", n: 0 } });
    await wf.advanceTime("61m");
    expect(await wf.runs({ functionId: "wft-parent-fn" })).toMatchObject([
      { status: "COMPLETED", output: expect.stringContaining("Timed out waiting for invoked function to complete") },
    ]);
    expect(await wf.runs({ functionId: "wft-child-fn" })).toMatchObject([{ status: "WAITING" }]);
    await wf.advanceTime("2h");
    expect(await wf.runs({ functionId: "wft-child-fn" })).toMatchObject([{ status: "COMPLETED", output: 1 }]);
  });
});

describe("cron", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  const sync = (id: string) =>
    testInngest.createFunction({ id, retries: 0, concurrency: { limit: 1 }, triggers: [{ cron: "*/5 * * * *" }] }, async ({ event }) => (event.data as { cron: string }).cron);

  it("tickCron fires one slot as inngest/scheduled.timer, once per slot", async () => {
    const wf = await startExecutor([sync("reseller-sync")]);
    const slot = new Date(T0.getTime() + 5 * 60_000);
    await wf.tickCron("wft-reseller-sync", slot);
    await wf.tickCron("wft-reseller-sync", slot);
    await wf.drain();
    const runs = await wf.runs({ functionId: "wft-reseller-sync" });
    expect(runs).toMatchObject([{ status: "COMPLETED", output: "*/5 * * * *", eventName: "inngest/scheduled.timer" }]);
    expect((runs[0]!.event as { id: string }).id).toBe(slot.toISOString());
  });

  it("with crons on, advanceTime fires each slot for every cron function", async () => {
    const wf = await startExecutor([sync("cron-a"), sync("cron-b")], { crons: true });
    await wf.advanceTime("16m");
    expect(await wf.runs({ functionId: "wft-cron-a" })).toHaveLength(3);
    expect(await wf.runs({ functionId: "wft-cron-b" })).toHaveLength(3);
  });
});

describe("embeddedFetch", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("answers the Event API and async checkpoints in-process and refuses every other Inngest API path with 501 naming it", async () => {
    const { embeddedFetch } = await import("@/server/workflows/embedded/fetch");
    const { EMBEDDED_ORIGIN } = await import("@/server/workflows/engine");
    const ok = await embeddedFetch(`${EMBEDDED_ORIGIN}/e/local`, { method: "POST", body: JSON.stringify([{ name: "test/a", data: {} }, { name: "test/b" }]) });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ids: string[]; status: number };
    expect(body).toMatchObject({ status: 200 });
    expect(body.ids).toHaveLength(2);
    expect((await embeddedFetch(`${EMBEDDED_ORIGIN}/e/wrong-key`, { method: "POST", body: "[]" })).status).toBe(401);
    // A checkpoint body without run_id/qi_id is refused; one for a job nobody holds is fenced out (409).
    expect((await embeddedFetch(`${EMBEDDED_ORIGIN}/v1/checkpoint/run-1/async`, { method: "POST", body: "{}" })).status).toBe(400);
    const stale = { run_id: "run-1", qi_id: "job-1:token-1", steps: [{ op: "StepRun", id: "s0", data: 1 }] };
    expect((await embeddedFetch(`${EMBEDDED_ORIGIN}/v1/checkpoint/run-1/async`, { method: "POST", body: JSON.stringify(stale) })).status).toBe(409);
    const steps = await embeddedFetch(`${EMBEDDED_ORIGIN}/v1/checkpoint/run-1/steps`, { method: "POST", body: "{}" });
    expect(steps.status).toBe(501);
    expect(await steps.text()).toContain("/v1/checkpoint/run-1/steps");
    expect(await db.inngestEvent.count()).toBe(2);
  });
});
