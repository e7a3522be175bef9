import "server-only";
import { newId } from "./ids";
import { systemClock, type Clock } from "@/server/clock";
import type { DbClient } from "@/server/db";
import { embeddedSigningKey, EMBEDDED_SERVE_URL } from "../engine";
import type { Backoff } from "./backoff";
import { tickCron, tickDueCrons } from "./cron-ticks";
import { parseDurationMs } from "./duration";
import { applyVerdict, applyWake, failJob, type ApplyContext } from "./interpret";
import { inspectors } from "./inspect";
import { onPoke, pokeWorkers } from "./notifier";
import { expirePauses } from "./pauses";
import { buildCallBody, callHandler, judgeReply, type ServeHandler } from "./protocol";
import { acquireExecutorLease, claimJobs, extendJobLease, nextDueMs, peekDue, releaseExecutorLease, type ClaimedJob } from "./queue";
import { loadFunctions, maxAttemptsOf } from "./registry";
import { sweepExpiredDedupe } from "./runs";
import { syncFunctions } from "./sync";
import { inTransaction } from "./sql";
import type { RunEvent } from "./types";

/** A clock the executor can also move (fakeDateClock, or the app clock with its E2E offset). */
export type ControllableClock = Clock & { set?: (ms: number) => void };

export type ExecutorOptions = {
  db: DbClient;
  handler: ServeHandler;
  clock?: ControllableClock;
  workerId?: string;
  /** Jobs executed at once (default 4). */
  maxParallel?: number;
  /** Whether the loop and drain() fire cron slots (default true; tests pass false and use tickCron). */
  crons?: boolean;
  backoff?: Backoff;
  /** Start the worker loop right away (default true; tests pass false and drive it). */
  autoStart?: boolean;
  /** Per-job lease (default 60 s); the durability tests shorten it. */
  jobLeaseMs?: number;
  /** Idle poll interval when nothing is known to be due (default 1 s). */
  pollMs?: number;
  signingKey?: string;
  serveUrl?: string;
  /** Jitter source for the backoff table. */
  random?: () => number;
};

const EXECUTOR_LEASE_TTL_MS = 30_000;
const EXECUTOR_LEASE_RENEW_MS = 10_000;
const DEDUPE_SWEEP_EVERY_MS = 10 * 60_000;

type StepRow = { memos: Record<string, unknown> | null | undefined; event: RunEvent; events: RunEvent[]; stack: string[]; disableImmediate: boolean; functionId: string; ended: boolean };

export const createEmbeddedExecutor = async (options: ExecutorOptions) => {
  const {
    db,
    handler,
    workerId = `executor-${newId(Date.now())}`,
    maxParallel = 4,
    crons = true,
    backoff = "table",
    autoStart = true,
    jobLeaseMs = 60_000,
    pollMs = 1_000,
    signingKey = embeddedSigningKey(),
    serveUrl = EMBEDDED_SERVE_URL,
    random,
  } = options;
  const clock: ControllableClock = options.clock ?? systemClock;

  const ctx = () => ({ db, clock });
  const applyContext = async (): Promise<ApplyContext> => ({
    db, clock, workerId, leaseMs: jobLeaseMs, backoff, random, functions: await loadFunctions(db),
  });

  // 1. Executing one job (and its continuations) ------------------------------------------------------

  const loadRun = async (runId: string) =>
    (
      await db.$queryRawUnsafe<StepRow[]>(
        `SELECT r."functionId", r.event, r.events, r.stack, r."disableImmediate", r."endedAt" IS NOT NULL AS ended,
           (SELECT jsonb_object_agg(s."hashedId", s.memo->'v') FROM "InngestStep" s WHERE s."runId" = r.id AND s.memo IS NOT NULL) AS memos
         FROM "InngestRun" r WHERE r.id = $1`,
        runId,
      )
    )[0];

  const executeCall = async (actx: ApplyContext, job: ClaimedJob) => {
    const run: StepRow | undefined = job.known
      ? { ...job.known, event: job.known.event as RunEvent, events: job.known.events as RunEvent[], disableImmediate: false, ended: false }
      : await loadRun(job.runId);
    if (!run || run.ended) {
      await db.$executeRawUnsafe(`DELETE FROM "InngestJob" WHERE id = $1 AND "lockedBy" = $2`, job.id, workerId);
      return undefined;
    }
    const fn = actx.functions.get(run.functionId) ?? (await loadFunctions(db)).get(run.functionId);
    if (!fn) {
      await failJob(actx, job, `function "${run.functionId}" not found: it is no longer served by the app`);
      return undefined;
    }
    const maxAttempts = maxAttemptsOf(fn);
    const body = buildCallBody({
      event: run.event, events: run.events, steps: run.memos ?? {}, stack: run.stack, runId: job.runId,
      attempt: job.attempt, maxAttempts, disableImmediate: run.disableImmediate,
    });
    const url = new URL(fn.steps.step.runtime.url || serveUrl);
    url.searchParams.set("fnId", fn.id);
    url.searchParams.set("stepId", job.stepId);
    const startedMs = clock.now();
    // NOTE: the heartbeat keeps the job lease while user code runs; a dead process stops it, the lease
    // expires, and the next holder re-sends the same request (at-least-once, §5.7).
    const heartbeat = setInterval(() => {
      void extendJobLease(db, job.id, workerId, clock.now() + jobLeaseMs).catch(() => undefined);
    }, Math.max(jobLeaseMs / 3, 50));
    heartbeat.unref?.();
    let result;
    try {
      result = await callHandler({ handler, method: "POST", url: url.toString(), body, signingKey, headers: { "x-run-id": job.runId } });
    } finally {
      clearInterval(heartbeat);
    }
    const verdict = judgeReply(result);
    if (result.kind === "response" && result.status === 401) {
      console.error(`[workflows] ${run.functionId} run ${job.runId}: the handler rejected the executor's signature (401). Check INNGEST_SIGNING_KEY and the clock.`);
    }
    const sequential = run.disableImmediate
      ? undefined
      : { known: { event: run.event, events: run.events, stack: run.stack, memos: run.memos ?? {}, functionId: run.functionId } };
    try {
      const { continuation } = await applyVerdict(actx, job, fn, maxAttempts, verdict, startedMs, sequential);
      return continuation;
    } catch (error) {
      // NOTE: a reply the database refuses (e.g. a step result with a \u0000 character, which jsonb rejects)
      // would otherwise be re-sent forever after each lease expiry. Fail that run with a readable error; if
      // the database itself is down, this throws too and the job is retried after its lease.
      const message = error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-3).join(" ") : String(error);
      console.error(`[workflows] run ${job.runId}: could not record the SDK reply:`, error);
      await failJob(actx, job, `The executor could not record the step result: ${message}`);
      return undefined;
    }
  };

  const executeJob = async (first: ClaimedJob) => {
    const actx = await applyContext();
    let job: ClaimedJob | undefined = first;
    while (job) {
      if (job.kind === "WAKE") {
        await applyWake(actx, job);
        job = undefined;
      } else {
        job = await executeCall(actx, job);
      }
    }
  };

  // 2. One pass: crons, expired pauses, claims -------------------------------------------------------

  const inFlight = new Set<Promise<void>>();
  const runTracked = (job: ClaimedJob) => {
    const promise = executeJob(job)
      .catch((error) => console.error(`[workflows] job ${job.id} (run ${job.runId}) crashed the executor step:`, error))
      .finally(() => {
        inFlight.delete(promise);
        pokeLocal();
      });
    inFlight.add(promise);
  };

  /** Does everything due now that fits; returns how much it started. */
  const pass = async () => {
    let started = 0;
    const { hasJobs, hasPauses, hasCrons } = await peekDue(db, clock.now(), crons);
    if (hasCrons) started += await tickDueCrons(ctx());
    if (hasPauses) started += await inTransaction(db, (tx) => expirePauses({ db: tx, clock }));
    const free = maxParallel - inFlight.size;
    if (free > 0 && (hasJobs || hasPauses || hasCrons)) {
      const jobs = await claimJobs(db, { workerId, limit: free, leaseMs: jobLeaseMs, nowMs: clock.now(), functions: await loadFunctions(db) });
      for (const job of jobs) runTracked(job);
      started += jobs.length;
    }
    return started;
  };

  const drain = async ({ maxIterations = 10_000 }: { maxIterations?: number } = {}) => {
    for (let iteration = 0; iteration < maxIterations; iteration += 1) {
      const started = await pass();
      if (started === 0 && inFlight.size === 0) return;
      if (started === 0 || inFlight.size >= maxParallel) await Promise.race(inFlight);
    }
    const open = await db.$queryRawUnsafe<unknown[]>(
      `SELECT id, "functionId", status, stack FROM "InngestRun" WHERE "endedAt" IS NULL ORDER BY id LIMIT 50`,
    );
    throw new Error(`drain() hit maxIterations=${maxIterations}; open runs:\n${JSON.stringify(open, null, 2)}`);
  };

  const advanceTime = async (by: string | number | Date) => {
    if (!clock.set) throw new Error("advanceTime needs a controllable clock (fakeDateClock(vi), or the app clock under E2E_HOOKS)");
    const target =
      by instanceof Date
        ? by.getTime()
        : clock.now() + (parseDurationMs(by) ?? (() => { throw new Error(`advanceTime: cannot parse duration "${String(by)}"`); })());
    await drain();
    for (;;) {
      const due = await nextDueMs(db, crons);
      if (due === undefined || due > target) break;
      if (due > clock.now()) clock.set(due);
      await drain();
    }
    if (target > clock.now()) clock.set(target);
    await drain();
  };

  // 3. The long-running loop, only while this process holds the executor lease ---------------------------

  let isRunning = false;
  let hasLease = false;
  let wake: (() => void) | undefined;
  const pokeLocal = () => wake?.();
  let loopPromise: Promise<void> | undefined;
  let leaseTimer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      timer = setTimeout(done, Math.max(0, ms));
      wake = done;
    });

  const renewLease = async () => {
    try {
      hasLease = await acquireExecutorLease(db, workerId, clock.now(), EXECUTOR_LEASE_TTL_MS);
    } catch (error) {
      hasLease = false;
      console.error("[workflows] could not renew the executor lease:", error);
    }
  };

  let lastSweepMs = 0;
  const loop = async () => {
    while (isRunning) {
      try {
        if (!hasLease) {
          await sleep(pollMs);
          continue;
        }
        if (clock.now() - lastSweepMs > DEDUPE_SWEEP_EVERY_MS) {
          lastSweepMs = clock.now();
          await sweepExpiredDedupe(db, lastSweepMs);
        }
        const started = await pass();
        if (started > 0 && inFlight.size < maxParallel) continue; // NOTE: work was due; look again at once
        if (inFlight.size >= maxParallel) {
          await Promise.race([...inFlight, sleep(pollMs)]);
          continue;
        }
        const due = await nextDueMs(db, crons);
        await sleep(due === undefined ? pollMs : Math.min(pollMs, due - clock.now()));
      } catch (error) {
        console.error("[workflows] executor loop error:", error);
        await sleep(pollMs);
      }
    }
  };

  const start = async () => {
    if (isRunning) return;
    isRunning = true;
    await renewLease();
    leaseTimer = setInterval(() => void renewLease(), EXECUTOR_LEASE_RENEW_MS);
    leaseTimer.unref?.();
    unsubscribe = onPoke(pokeLocal);
    loopPromise = loop();
  };

  const stop = async () => {
    if (!isRunning) return;
    isRunning = false;
    clearInterval(leaseTimer);
    unsubscribe?.();
    pokeLocal();
    await loopPromise;
    await Promise.allSettled([...inFlight]);
    if (hasLease) await releaseExecutorLease(db, workerId).catch(() => undefined);
    hasLease = false;
  };

  const sync = () => syncFunctions({ db, handler, clock, serveUrl, signingKey });

  const executor = {
    workerId,
    clock,
    sync,
    start,
    stop,
    drain,
    advanceTime,
    tickCron: (functionId: string, at?: Date) => tickCron(ctx(), functionId, at),
    /** Wakes this process's loop (after staff actions). */
    poke: pokeWorkers,
    ...inspectors(db),
  };
  if (autoStart) {
    await sync();
    await start();
  }
  return executor;
};

export type EmbeddedExecutor = Awaited<ReturnType<typeof createEmbeddedExecutor>>;
