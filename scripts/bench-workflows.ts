// Benchmark of the embedded workflow executor (npm run bench:workflows).
// Starts its own PostgreSQL, runs 1-step and 10-step functions through the real executor loop (the
// production path: serve() handler, signatures, leases), and compares with calling the same step bodies
// directly, which is the ceiling. Each step does one small database query, like a use case would.
import os from "node:os";
import pg from "pg";
import { startPostgres } from "./postgres.mjs";

const RUNS_ONE_STEP = Number(process.env.BENCH_RUNS_1 ?? 2_000);
const RUNS_TEN_STEPS = Number(process.env.BENCH_RUNS_10 ?? 300);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 200);
const MAX_PARALLEL = Number(process.env.BENCH_MAX_PARALLEL ?? 8);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

const server = await startPostgres();
try {
  const admin = new pg.Client(server.url("postgres"));
  await admin.connect();
  await admin.query(`CREATE DATABASE bench`);
  await admin.end();
  const migrator = new pg.Client(server.url("bench"));
  await migrator.connect();
  const { migrate } = await import("../server/db/migrate");
  await migrate({ exec: (sql) => migrator.query(sql), query: (sql, params) => migrator.query(sql, params as unknown[]) as never });
  await migrator.end();

  // NOTE: server modules read DATABASE_URL when first imported, so they are imported only now.
  // NOTE: over the Unix socket, as an app next to its PostgreSQL would connect (README "Performance");
  // BENCH_DB_TRANSPORT=tcp measures over 127.0.0.1 instead.
  const databaseUrl = process.env.BENCH_DB_TRANSPORT === "tcp" ? server.url("bench") : server.socketUrl("bench");
  process.env.DATABASE_URL = databaseUrl;
  const { Inngest } = await import("inngest");
  const { serve } = await import("inngest/next");
  const { db } = await import("../server/db");
  const { embeddedClientOptions } = await import("../server/workflows/client");
  const { createEmbeddedExecutor } = await import("../server/workflows/embedded/executor");

  const client = new Inngest({
    id: "bench",
    ...embeddedClientOptions(),
    logger: { info: () => {}, warn: () => {}, error: console.error, debug: () => {} },
  });
  const latencies: number[] = [];
  const stepBody = (i: number) => db.$queryRawUnsafe<unknown[]>(`SELECT $1::int AS n`, i);
  const defineFunctions = (on: typeof client) => ({
    oneStep: on.createFunction({ id: "one-step", retries: 0, triggers: [{ event: "bench/one" }] }, async ({ event, step }) => {
      await step.run("s0", async () => {
        const sentAt = (event.data as { sentAt?: number }).sentAt;
        if (sentAt) latencies.push(performance.timeOrigin + performance.now() - sentAt);
        return stepBody(0).then(() => 0);
      });
    }),
    tenSteps: on.createFunction({ id: "ten-steps", retries: 0, triggers: [{ event: "bench/ten" }] }, async ({ step }) => {
      for (let i = 0; i < 10; i += 1) await step.run(`s${i}`, () => stepBody(i).then(() => i));
    }),
    // NOTE: the same function opted into batched checkpoints (README "Workflows: at-least-once"): one report
    // per 10 steps, so up to 9 completed steps re-run after a crash.
    tenStepsBatched: on.createFunction(
      { id: "ten-steps-batched", retries: 0, triggers: [{ event: "bench/ten-batched" }], checkpointing: { bufferedSteps: 10, maxRuntime: "10s" } },
      async ({ step }) => {
        for (let i = 0; i < 10; i += 1) await step.run(`s${i}`, () => stepBody(i).then(() => i));
      },
    ),
  });
  const { oneStep, tenSteps, tenStepsBatched } = defineFunctions(client);

  const countCompleted = async (functionId: string) =>
    (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "InngestRun" WHERE "functionId" = $1 AND status = 'COMPLETED'`, functionId))[0]?.n ?? 0;
  const waitForCompleted = async (functionId: string, count: number) => {
    while ((await countCompleted(functionId)) < count) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  const throughput = async (name: string, functionId: string, runs: number, steps: number) => {
    const before = await countCompleted(functionId);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    for (let sent = 0; sent < runs; sent += 100) {
      await client.send(Array.from({ length: Math.min(100, runs - sent) }, () => ({ name, data: {} })));
    }
    await waitForCompleted(functionId, before + runs);
    const seconds = (performance.now() - started) / 1_000;
    const cpu = process.cpuUsage(cpu0);
    const cpuShare = (cpu.user + cpu.system) / 1e6 / seconds;
    return { runsPerSec: runs / seconds, stepsPerSec: (runs * steps) / seconds, seconds, cpuShare };
  };

  /** The production path (executor loop, serve() handler, signatures, leases), with checkpointing on or off. */
  const measure = async (checkpointing: boolean) => {
    // NOTE: every mode starts from empty executor tables, so neither pays for the other's history.
    await db.$executeRawUnsafe(`TRUNCATE "InngestRun", "InngestStep", "InngestJob", "InngestEvent", "InngestPause", "InngestDedupe" CASCADE`);
    const executor = await createEmbeddedExecutor({
      db,
      handler: serve({ client, functions: [oneStep, tenSteps, tenStepsBatched] }) as never,
      autoStart: false,
      crons: false,
      maxParallel: MAX_PARALLEL,
      workerId: `bench-${checkpointing ? "checkpointing" : "classic"}`,
      checkpointing,
    });
    await executor.sync();
    await executor.start();
    // Warm-up: JIT, connection pool, prepared plans.
    await throughput("bench/one", "bench-one-step", 100, 1);
    const one = await throughput("bench/one", "bench-one-step", RUNS_ONE_STEP, 1);
    const ten = await throughput("bench/ten", "bench-ten-steps", RUNS_TEN_STEPS, 10);
    const tenBatched = checkpointing ? await throughput("bench/ten-batched", "bench-ten-steps-batched", RUNS_TEN_STEPS, 10) : undefined;

    // Latency from send() to the first step starting, at a light load (one event at a time).
    latencies.length = 0;
    const before = await countCompleted("bench-one-step");
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      await client.send({ name: "bench/one", data: { sentAt: performance.timeOrigin + performance.now() } });
      await waitForCompleted("bench-one-step", before + i + 1);
    }
    await executor.stop();
    return { one, ten, tenBatched, p50: percentile(latencies, 50), p99: percentile(latencies, 99), n: latencies.length };
  };
  const modes = (process.env.BENCH_MODES ?? "on,off").split(",").map((mode) => mode.trim() === "on");
  const results = new Map<boolean, Awaited<ReturnType<typeof measure>>>();
  for (const checkpointing of modes) results.set(checkpointing, await measure(checkpointing));

  // Ceiling: the same step bodies called directly, with the same parallelism.
  const ceiling = async (runs: number, steps: number) => {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: MAX_PARALLEL }, async () => {
        while (next < runs) {
          next += 1;
          for (let i = 0; i < steps; i += 1) await stepBody(i);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1_000;
    return { runsPerSec: runs / seconds, stepsPerSec: (runs * steps) / seconds };
  };
  const ceilOne = await ceiling(RUNS_ONE_STEP, 1);
  const ceilTen = await ceiling(RUNS_TEN_STEPS, 10);

  // SDK ceiling: the same runs driven through the SDK handler with the state kept in memory (no executor
  // tables, no leases), classic and with checkpointing: what the SDK's own cost alone allows.
  const { buildCallBody, callHandler } = await import("../server/workflows/embedded/protocol");
  const { embeddedSigningKey } = await import("../server/workflows/engine");
  const handler = serve({ client, functions: [oneStep, tenSteps] }) as never;
  // NOTE: with checkpointing, a client whose fetch keeps the checkpoints in memory (the run's memos).
  const inMemory = new Map<string, Record<string, unknown>>();
  const memoryClient = new Inngest({
    id: "bench",
    ...embeddedClientOptions(),
    logger: { info: () => {}, warn: () => {}, error: console.error, debug: () => {} },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const { run_id: runId, steps } = JSON.parse(String(init?.body)) as { run_id: string; steps: { id: string; data?: unknown }[] };
      const memos = inMemory.get(runId)!;
      for (const op of steps) memos[op.id] = { data: op.data ?? null };
      return new Response(null, { status: 200 });
    },
  });
  const memoryHandler = serve({ client: memoryClient, functions: Object.values(defineFunctions(memoryClient)) }) as never;
  const protocolCeiling = async (fnId: string, eventName: string, runs: number, steps: number, checkpointing = false) => {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: MAX_PARALLEL }, async () => {
        while (next < runs) {
          next += 1;
          const event = { name: eventName, data: {}, id: `e${next}`, ts: Date.now(), user: {} };
          const memos: Record<string, unknown> = {};
          const runId = `r${checkpointing ? "c" : ""}${next}`;
          inMemory.set(runId, memos);
          for (;;) {
            const stack = Object.keys(memos);
            const body = buildCallBody({
              event, events: [event], steps: memos, stack, runId, attempt: 0, maxAttempts: 1, disableImmediate: false,
              checkpoint: checkpointing ? { fnId, queueItemId: runId } : undefined,
            });
            const res = await callHandler({ handler: checkpointing ? memoryHandler : handler, method: "POST", url: `http://bench.invalid/api/inngest?fnId=${fnId}&stepId=step`, body, signingKey: embeddedSigningKey() });
            if (res.kind === "response" && res.status === 200) break;
            if (res.kind !== "response" || res.status !== 206) throw new Error(`protocol ceiling: unexpected reply ${JSON.stringify(res).slice(0, 300)}`);
            const ops = res.body as { op: string; id: string; data?: unknown }[];
            if (ops.some((op) => op.op === "RunComplete")) break;
            for (const op of ops) {
              memos[op.id] = { data: op.data ?? null };
            }
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1_000;
    return { stepsPerSec: (runs * steps) / seconds };
  };
  const protoOne = await protocolCeiling("bench-one-step", "bench/one", RUNS_ONE_STEP, 1);
  const protoTen = await protocolCeiling("bench-ten-steps", "bench/ten", RUNS_TEN_STEPS, 10);
  const protoOneCheckpointing = await protocolCeiling("bench-one-step", "bench/one", RUNS_ONE_STEP, 1, true);
  const protoTenCheckpointing = await protocolCeiling("bench-ten-steps", "bench/ten", RUNS_TEN_STEPS, 10, true);

  const fmt = (n: number) => n.toFixed(0).padStart(7);
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`.padStart(7);
  const times = (a: number, b: number) => `×${(a / b).toFixed(2)}`.padStart(6);
  console.log(`\nEmbedded executor benchmark (${os.cpus().length} CPUs, load ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}, maxParallel ${MAX_PARALLEL}, PostgreSQL over ${databaseUrl.includes("?host=") ? "its Unix socket" : "TCP"})`);
  console.log(`  ceilings: direct call 1-step ${fmt(ceilOne.stepsPerSec).trim()} steps/s, 10-step ${fmt(ceilTen.stepsPerSec).trim()} steps/s; SDK alone (state in memory) classic 1-step ${fmt(protoOne.stepsPerSec).trim()}, 10-step ${fmt(protoTen.stepsPerSec).trim()} steps/s, checkpointing 1-step ${fmt(protoOneCheckpointing.stepsPerSec).trim()}, 10-step ${fmt(protoTenCheckpointing.stepsPerSec).trim()} steps/s`);
  console.log(`  checkpointing  function    runs/s  steps/s | vs direct | vs SDK alone | vs target          | CPU   | send→start p50 / p99`);
  for (const [checkpointing, { one, ten, tenBatched, p50, p99, n }] of results) {
    const mode = (checkpointing ? "on" : "off").padEnd(13);
    const [sdkOne, sdkTen] = checkpointing ? [protoOneCheckpointing, protoTenCheckpointing] : [protoOne, protoTen];
    console.log(`  ${mode}  1-step    ${fmt(one.runsPerSec)}  ${fmt(one.stepsPerSec)} |  ${pct(one.stepsPerSec, ceilOne.stepsPerSec)} |      ${pct(one.stepsPerSec, sdkOne.stepsPerSec)} | ${times(one.runsPerSec, 300)} of 300 runs/s  | ${(one.cpuShare * 100).toFixed(0).padStart(3)}% | ${p50.toFixed(1)} / ${p99.toFixed(1)} ms (n=${n})`);
    console.log(`  ${mode}  10-step   ${fmt(ten.runsPerSec)}  ${fmt(ten.stepsPerSec)} |  ${pct(ten.stepsPerSec, ceilTen.stepsPerSec)} |      ${pct(ten.stepsPerSec, sdkTen.stepsPerSec)} | ${times(ten.stepsPerSec, 2_000)} of 2000 steps/s | ${(ten.cpuShare * 100).toFixed(0).padStart(3)}% |`);
    if (tenBatched) {
      console.log(`  ${"batched 10".padEnd(13)}  10-step   ${fmt(tenBatched.runsPerSec)}  ${fmt(tenBatched.stepsPerSec)} |  ${pct(tenBatched.stepsPerSec, ceilTen.stepsPerSec)} |          n/a | ${times(tenBatched.stepsPerSec, 2_000)} of 2000 steps/s | ${(tenBatched.cpuShare * 100).toFixed(0).padStart(3)}% | (function-level bufferedSteps: 10, opt-in)`);
    }
  }
  const on = results.get(true);
  const off = results.get(false);
  if (on && off) {
    console.log(`  checkpointing on vs off: 1-step ${times(on.one.runsPerSec, off.one.runsPerSec)}, 10-step ${times(on.ten.stepsPerSec, off.ten.stepsPerSec)}`);
  }
  await db.$disconnect();
} finally {
  server.stop();
}
process.exit(0);
