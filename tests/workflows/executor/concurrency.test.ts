import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { PrismaClient } from "@/server/db/generated/client";
import { ingest } from "@/server/workflows/embedded/ingest";
import { claimJobs, type ClaimedJob } from "@/server/workflows/embedded/queue";
import { loadFunctions } from "@/server/workflows/embedded/registry";
import type { ServeHandler } from "@/server/workflows/embedded/protocol";
import { resetWorld, send, serveFunctions, startExecutor, T0, testInngest } from "../harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("concurrency limit with a key", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("never has two steps in flight for one serverId, while different servers run in parallel", async () => {
    const inFlight = new Map<string, number>();
    const maxPerKey = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const fn = testInngest.createFunction(
      { id: "server-op", retries: 0, concurrency: { limit: 1, key: "event.data.serverId" }, triggers: [{ event: "test/server.op" }] },
      async ({ event, step }) => {
        const serverId = (event.data as { serverId: string }).serverId;
        for (const name of ["first", "second"]) {
          await step.run(name, async () => {
            inFlight.set(serverId, (inFlight.get(serverId) ?? 0) + 1);
            total += 1;
            maxPerKey.set(serverId, Math.max(maxPerKey.get(serverId) ?? 0, inFlight.get(serverId)!));
            maxTotal = Math.max(maxTotal, total);
            await pause(25);
            inFlight.set(serverId, inFlight.get(serverId)! - 1);
            total -= 1;
          });
        }
      },
    );
    const wf = await startExecutor([fn], { maxParallel: 6 });
    await send(["s1", "s2", "s3"].flatMap((serverId) => [1, 2, 3].map(() => ({ name: "test/server.op", data: { serverId } }))));
    await wf.drain();
    const runs = await wf.runs({ functionId: "wft-server-op" });
    expect(runs).toHaveLength(9);
    expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
    expect(Object.fromEntries(maxPerKey)).toEqual({ s1: 1, s2: 1, s3: 1 });
    expect(maxTotal).toBeGreaterThan(1);
  });
});

describe.each([
  { claimPath: "one-statement claims (no concurrency limits synced)", withLimits: false },
  { claimPath: "advisory-locked claims (a concurrency limit is synced)", withLimits: true },
])("two executors on one database: $claimPath", ({ withLimits }) => {
  const second = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());
  afterAll(() => second.$disconnect());

  it("never dispatch the same job twice, and never create two runs for one event id or idempotency key", async () => {
    const executions = new Map<string, number>();
    const fn = testInngest.createFunction({ id: "shared", retries: 0, triggers: [{ event: "test/shared" }] }, async ({ event, step, runId }) => {
      for (const name of ["a", "b", "c"]) {
        await step.run(name, async () => {
          const key = `${runId}:${name}`;
          executions.set(key, (executions.get(key) ?? 0) + 1);
          await pause(2);
        });
      }
      return (event.data as { n: number }).n;
    });
    const idem = testInngest.createFunction(
      { id: "shared-idem", retries: 0, idempotency: "event.data.key", triggers: [{ event: "test/shared.idem" }] },
      async () => "once",
    );
    const limited = testInngest.createFunction({ id: "limited", retries: 0, concurrency: 100, triggers: [{ event: "test/none" }] }, async () => null);
    const all = withLimits ? [fn, idem, limited] : [fn, idem];
    const callsBy = { one: 0, two: 0 };
    const counted = (name: keyof typeof callsBy): ServeHandler => {
      const handler = serveFunctions(all);
      return { PUT: handler.PUT, POST: (request, context) => ((callsBy[name] += 1), handler.POST(request, context)) };
    };
    const one = await startExecutor(all, { workerId: "worker-one", maxParallel: 4, handler: counted("one") });
    const two = await startExecutor(all, { workerId: "worker-two", maxParallel: 4, db: second, handler: counted("two") });

    await Promise.all([
      ingest([{ name: "test/shared", id: "same-id", data: { n: -1 } }]),
      ingest([{ name: "test/shared", id: "same-id", data: { n: -1 } }], { db: second }),
      ingest([{ name: "test/shared.idem", data: { key: "k" } }]),
      ingest([{ name: "test/shared.idem", data: { key: "k" } }], { db: second }),
      ...Array.from({ length: 20 }, (_, n) => ingest([{ name: "test/shared", data: { n } }], { db: n % 2 ? db : second })),
    ]);
    await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);

    const runs = await one.runs({ functionId: "wft-shared" });
    expect(runs).toHaveLength(21);
    expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
    expect(runs.filter((r) => (r.event as { id: string }).id === "same-id")).toHaveLength(1);
    expect(await one.runs({ functionId: "wft-shared-idem" })).toHaveLength(1);
    expect(executions.size).toBe(63);
    expect([...executions.values()].every((count) => count === 1)).toBe(true);
    // both really dispatched: the test is about contention, not one idle instance
    expect(callsBy.one).toBeGreaterThan(0);
    expect(callsBy.two).toBeGreaterThan(0);
  });
});

describe("claiming behind a full concurrency bucket", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("still claims other due jobs behind a backlog whose bucket is full, and never fills a bucket past its limit", async () => {
    const busy = testInngest.createFunction(
      { id: "busy", retries: 0, concurrency: { limit: 2, key: "event.data.account" }, triggers: [{ event: "test/busy" }] },
      async () => null,
    );
    const other = testInngest.createFunction({ id: "other", retries: 0, triggers: [{ event: "test/other" }] }, async () => null);
    await startExecutor([busy, other]); // syncs; the test drives the claim itself
    await send(Array.from({ length: 30 }, () => ({ name: "test/busy", data: { account: "a" } })));
    vi.setSystemTime(T0.getTime() + 1_000);
    await send({ name: "test/busy", data: { account: "b" } });
    vi.setSystemTime(T0.getTime() + 2_000);
    await send({ name: "test/other", data: {} });

    const functions = await loadFunctions(db);
    const claim = (limit: number) => claimJobs(db, { workerId: "claimer", limit, leaseMs: 60_000, nowMs: Date.now(), functions });
    const owners = async (jobs: ClaimedJob[]) => {
      const runs = await db.inngestRun.findMany({ where: { id: { in: jobs.map((job) => job.runId) } } });
      return runs.map((run) => (run.functionId === "wft-busy" ? `busy:${(run.event as { data: { account: string } }).data.account}` : run.functionId)).sort();
    };

    expect(await owners(await claim(2))).toEqual(["busy:a", "busy:a"]);
    // 28 more of account a's jobs are due first, but its bucket is full: the claim looks past them.
    expect(await owners(await claim(1))).toEqual(["busy:b"]);
    expect(await owners(await claim(5))).toEqual(["wft-other"]);
    expect(await claim(5)).toEqual([]);
    const leased = await db.inngestJob.findMany({ where: { lockedBy: "claimer" } });
    expect(leased).toHaveLength(4);
    expect(new Set(leased.map((job) => job.claimToken)).size).toBe(4);
  });
});
