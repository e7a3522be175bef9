import "server-only";
import { newId } from "./ids";
import { systemClock, type Clock } from "@/server/clock";
import type { DbClient } from "@/server/db";
import { embeddedSigningKey, EMBEDDED_SERVE_URL } from "../engine";
import type { Backoff } from "./backoff";
import { newCheckpointScope, queueItemId } from "./checkpoint";
import { tickCron, tickDueCrons } from "./cron-ticks";
import { parseDurationMs } from "./duration";
import { classifyApplyError } from "./db-errors";
import { applyVerdict, applyWake, deleteFenced, failJob, type ApplyContext } from "./interpret";
import { holdJobLease } from "./job-lease";
import { inspectors } from "./inspect";
import { onPoke, pokeWorkers } from "./notifier";
import { expirePauses } from "./pauses";
import { buildCallBody, callHandler, judgeReply, type ServeHandler } from "./protocol";
import { acquireExecutorLease, claimJobs, extendJobLease, nextDueMs, peekDue, releaseExecutorLease, releaseJobLease, type ClaimedJob } from "./queue";
import { loadFunctions, maxAttemptsOf } from "./registry";
import { sweepExpiredDedupe } from "./runs";
import { syncFunctions } from "./sync";
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
  /** Executor lease time-to-live (default 30 s) and renewal interval (default 10 s); the hand-over test shortens them. */
  executorLeaseMs?: number;
  executorLeaseRenewMs?: number;
  /** Idle poll interval when nothing is known to be due (default 1 s). */
  pollMs?: number;
  signingKey?: string;
  serveUrl?: string;
  /** Jitter source for the backoff table. */
  random?: () => number;
  /**
   * Lets discoveries checkpoint (default true): they carry `ctx.fn_id`/`ctx.qi_id`, and one SDK request runs
   * consecutive steps, each stored by the checkpoint route (workflow-checkpointing.md). false is the kill
   * switch: one request per step, whatever the client's `checkpointing` option says.
   */
  checkpointing?: boolean;
};

const EXECUTOR_LEASE_TTL_MS = 30_000;
const EXECUTOR_LEASE_RENEW_MS = 10_000;
/** How long stop() waits for in-flight calls before abandoning them (their jobs re-run after the lease). */
const STOP_GRACE_MS = 10_000;
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
    executorLeaseMs = EXECUTOR_LEASE_TTL_MS,
    executorLeaseRenewMs = EXECUTOR_LEASE_RENEW_MS,
    pollMs = 1_000,
    signingKey = embeddedSigningKey(),
    serveUrl = EMBEDDED_SERVE_URL,
    random,
    checkpointing = true,
  } = options;
  const clock: ControllableClock = options.clock ?? systemClock;

  const ctx = () => ({ db, clock });
  const applyContext = async (): Promise<ApplyContext> => ({
    db, clock, workerId, leaseMs: jobLeaseMs, backoff, random, functions: await loadFunctions(db),
  });

  // 1. Executing one job (and its continuations) ------------------------------------------------------

  /** The run as this claim will call it, or undefined when the claim no longer holds the job. */
  const loadClaimedRun = async (job: ClaimedJob): Promise<StepRow | undefined> => {
    if (job.loaded) {
      // NOTE: read by the claim statement itself, under this claim's fresh token.
      const { loaded } = job;
      job.loaded = undefined;
      return { ...loaded, event: loaded.event as RunEvent, events: loaded.events as RunEvent[] };
    }
    if (job.known) {
      // NOTE: a continuation skips re-reading the run, but not the fence: a run cancelled since the last
      // reply has lost its jobs, and must not execute one more step from the state in memory.
      if (!(await extendJobLease(db, job, clock.now() + jobLeaseMs))) return undefined;
      return { ...job.known, event: job.known.event as RunEvent, events: job.known.events as RunEvent[], disableImmediate: false, ended: false };
    }
    return (
      await db.$queryRawUnsafe<StepRow[]>(
        `SELECT r."functionId", r.event, r.events, r.stack, r."disableImmediate", r."endedAt" IS NOT NULL AS ended,
           (SELECT jsonb_object_agg(s."hashedId", s.memo->'v') FROM "InngestStep" s WHERE s."runId" = r.id AND s.memo IS NOT NULL) AS memos
         FROM "InngestRun" r WHERE r.id = $1 AND EXISTS (SELECT 1 FROM "InngestJob" j WHERE j.id = $2 AND j."claimToken" = $3)`,
        job.runId, job.id, job.claimToken,
      )
    )[0];
  };

  /** The job leases of the calls in flight, so stop() can abandon what outlives its grace. */
  const heldLeases = new Set<ReturnType<typeof holdJobLease>>();

  const executeCall = async (actx: ApplyContext, job: ClaimedJob) => {
    const run = await loadClaimedRun(job);
    if (!run) return undefined;
    if (run.ended) {
      await deleteFenced(db, job);
      return undefined;
    }
    const fn = actx.functions.get(run.functionId) ?? (await loadFunctions(db)).get(run.functionId);
    if (!fn) {
      await failJob(actx, job, `function "${run.functionId}" not found: it is no longer served by the app`);
      return undefined;
    }
    const maxAttempts = maxAttemptsOf(fn);
    // NOTE: only a discovery of a sequential run checkpoints; a targeted or parallel call stays classic.
    const checkpoint = checkpointing && job.stepId === "step" && !run.disableImmediate ? newCheckpointScope(db, clock, jobLeaseMs) : undefined;
    const body = buildCallBody({
      event: run.event, events: run.events, steps: run.memos ?? {}, stack: run.stack, runId: job.runId,
      attempt: job.attempt, maxAttempts, disableImmediate: run.disableImmediate,
      checkpoint: checkpoint && { fnId: fn.id, queueItemId: queueItemId(job) },
    });
    const url = new URL(fn.steps.step.runtime.url || serveUrl);
    url.searchParams.set("fnId", fn.id);
    url.searchParams.set("stepId", job.stepId);
    const startedMs = clock.now();
    // NOTE: the heartbeat keeps the job lease while user code runs; a dead process stops it, the lease
    // expires, and the next holder re-sends the same request (at-least-once, §5.7). A lost claim aborts the call.
    const lease = holdJobLease({ db, clock, job, leaseMs: jobLeaseMs });
    heldLeases.add(lease);
    let result;
    try {
      result = await callHandler({ handler, method: "POST", url: url.toString(), body, signingKey, headers: { "x-run-id": job.runId }, signal: lease.signal, checkpoint });
    } finally {
      lease.release();
      heldLeases.delete(lease);
    }
    if (result.kind === "abandoned" || lease.signal.aborted) {
      console.warn(`[workflows] run ${job.runId}: abandoned the call of step ${job.stepId}, its reply is dropped:`, lease.signal.reason);
      return undefined;
    }
    if (checkpoint?.refused) {
      // NOTE: the checkpoint route fenced this call out (409): the SDK stopped and answered StaleDispatchError.
      // That reply is not the run's failure; the claim is gone (or the run ended), so nothing is applied.
      await releaseJobLease(db, job);
      return undefined;
    }
    const verdict = judgeReply(result);
    if (result.kind === "response" && result.status === 401) {
      console.error(`[workflows] ${run.functionId} run ${job.runId}: the handler rejected the executor's signature (401). Check INNGEST_SIGNING_KEY and the clock.`);
    }
    // NOTE: the cached state for the next call includes what was checkpointed during this one; without
    // them the next request would replay without those memos and run the steps again (§5.5 item 3).
    const accepted = checkpoint?.accepted ?? [];
    const sequential = run.disableImmediate
      ? undefined
      : {
          known: {
            event: run.event, events: run.events, functionId: run.functionId,
            stack: [...run.stack, ...accepted.map((step) => step.id)],
            memos: { ...run.memos, ...Object.fromEntries(accepted.map((step) => [step.id, step.memo])) },
          },
        };
    try {
      const { continuation } = await applyVerdict(actx, job, fn, maxAttempts, verdict, startedMs, sequential);
      return continuation;
    } catch (error) {
      if (classifyApplyError(error) === "transient") {
        // NOTE: the job keeps its lease until it expires; then the call is re-sent (at-least-once).
        console.error(`[workflows] run ${job.runId}: could not record the SDK reply (transient, retried after the job lease):`, error);
        return undefined;
      }
      // NOTE: a reply the database refuses (e.g. a step result with a \u0000 character, which jsonb rejects)
      // would otherwise be re-sent forever after each lease expiry. Fail that run with a readable error.
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
      if (isStopping && job !== first) {
        // NOTE: a stopping executor starts no further step; the next lease holder claims the job at once.
        await releaseJobLease(db, job);
        return;
      }
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
    if (hasPauses) started += await expirePauses({ db, clock });
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
  let isStopping = false;
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
      hasLease = await acquireExecutorLease(db, workerId, clock.now(), executorLeaseMs);
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
    leaseTimer = setInterval(() => void renewLease(), executorLeaseRenewMs);
    leaseTimer.unref?.();
    unsubscribe = onPoke(pokeLocal);
    loopPromise = loop();
  };

  /**
   * Stops claiming, waits up to `graceMs` for the calls in flight, abandons the rest (their replies are
   * dropped and their jobs re-run once the job lease expires), then releases the executor lease so another
   * process can take over at once.
   */
  const stop = async ({ graceMs = STOP_GRACE_MS }: { graceMs?: number } = {}) => {
    if (!isRunning) return;
    isRunning = false;
    isStopping = true;
    clearInterval(leaseTimer);
    unsubscribe?.();
    pokeLocal();
    await loopPromise;
    let graceTimer: NodeJS.Timeout | undefined;
    const settled = Promise.allSettled([...inFlight]);
    const isSettled = await Promise.race([settled.then(() => true), new Promise<false>((resolve) => (graceTimer = setTimeout(() => resolve(false), graceMs)))]);
    clearTimeout(graceTimer);
    if (!isSettled) {
      for (const lease of heldLeases) lease.abort(new Error("the executor is stopping"));
      await settled;
    }
    if (hasLease) await releaseExecutorLease(db, workerId).catch(() => undefined);
    hasLease = false;
    isStopping = false;
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
