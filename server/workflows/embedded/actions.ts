import "server-only";
import { systemClock, type Clock } from "@/server/clock";
import { db as defaultDb, type DbClient } from "@/server/db";
import { startRunDirectly } from "./ingest";
import { pokeWorkers } from "./notifier";
import { loadFunctions } from "./registry";
import { finalizeRun } from "./runs";
import { inTransaction, ts } from "./sql";
import type { RunEvent } from "./types";

/** Staff actions on embedded runs, for the System Queue (§5.13). Each throws a clear Error for an invalid state. */
export type RunActionDeps = { db?: DbClient; clock?: Clock };

type RunRow = { id: string; functionId: string; status: string; event: RunEvent; ended: boolean };

const findRun = async (db: DbClient, runId: string, lock = false) => {
  const rows = await db.$queryRawUnsafe<RunRow[]>(
    `SELECT id, "functionId", status, event, "endedAt" IS NOT NULL AS ended FROM "InngestRun" WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    runId,
  );
  const run = rows[0];
  if (!run) throw new Error(`Run ${runId} not found`);
  return run;
};

/** Cancels an active run the same way a cancelOn match does: CANCELLED, jobs and pauses gone, function.cancelled emitted. */
export const cancelRun = async ({ runId }: { runId: string }, { db = defaultDb, clock = systemClock }: RunActionDeps = {}) => {
  await inTransaction(db, async (tx) => {
    const run = await findRun(tx, runId, true);
    if (run.ended) throw new Error(`Cannot cancel run ${runId}: it has already ended (${run.status})`);
    await finalizeRun({ db: tx, clock }, runId, { status: "CANCELLED" });
  });
  pokeWorkers();
  return { runId, status: "CANCELLED" as const };
};

/**
 * Retries a run.
 * - An ended run that FAILED or was CANCELLED: a new run of the same function from the stored event,
 *   bypassing idempotency. Old runs are never resurrected. Returns the new run's id.
 * - An active run whose step is waiting out its retry backoff ("retry the failed step"): that retry is
 *   due now. Returns the same run id.
 */
export const retryRun = async ({ runId }: { runId: string }, { db = defaultDb, clock = systemClock }: RunActionDeps = {}) => {
  const run = await findRun(db, runId);
  if (run.ended) {
    if (run.status === "COMPLETED") throw new Error(`Cannot retry run ${runId}: it completed successfully`);
    const fn = (await loadFunctions(db)).get(run.functionId);
    if (!fn) throw new Error(`Cannot retry run ${runId}: function ${run.functionId} is no longer served by the app`);
    const newRunId = await startRunDirectly({ db, clock }, fn, run.event, { skipIdempotency: true });
    if (!newRunId) throw new Error(`Cannot retry run ${runId}: no run was created`);
    return { runId: newRunId };
  }
  const nowMs = clock.now();
  const moved = await db.$executeRawUnsafe(
    `UPDATE "InngestJob" SET "runAt" = $2::timestamp WHERE "runId" = $1 AND kind = 'CALL' AND attempt > 0 AND "lockedBy" IS NULL AND "runAt" > $2::timestamp`,
    runId, ts(nowMs),
  );
  if (moved === 0) throw new Error(`Cannot retry run ${runId}: it is ${run.status} and has no failed step waiting to be retried`);
  pokeWorkers();
  return { runId };
};

/** Makes the run's pending sleep wake-up or backoff retry due now, and pokes the worker. */
export const runNow = async ({ runId }: { runId: string }, { db = defaultDb, clock = systemClock }: RunActionDeps = {}) => {
  const run = await findRun(db, runId);
  if (run.ended) throw new Error(`Cannot run ${runId} now: it has already ended (${run.status})`);
  const nowMs = clock.now();
  const moved = await db.$executeRawUnsafe(
    `UPDATE "InngestJob" SET "runAt" = $2::timestamp
     WHERE "runId" = $1 AND (kind = 'WAKE' OR (kind = 'CALL' AND attempt > 0)) AND "lockedBy" IS NULL AND "runAt" > $2::timestamp`,
    runId, ts(nowMs),
  );
  if (moved === 0) throw new Error(`Cannot run ${runId} now: it has no scheduled sleep or retry (it may be waiting for an event)`);
  pokeWorkers();
  return { runId, jobsMoved: moved };
};
