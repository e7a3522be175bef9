import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";

export type DeleteEndedRunsOptions = {
  /** Runs that ended (COMPLETED, FAILED, CANCELLED) before this instant are deleted. */
  endedBefore: Date;
  /** Runs per statement. Each batch is one statement, i.e. its own short transaction. */
  batchSize?: number;
  /** Batches per call, so one call (one workflow step) stays well inside the step timeout. */
  maxBatches?: number;
};

export type TDeletedRuns = { runs: number; steps: number; jobs: number; pauses: number; isDone: boolean };

type BatchCounts = Omit<TDeletedRuns, "isDone">;

export const RUNS_PER_BATCH = 1_000;
const BATCHES_PER_CALL = 10;

/**
 * Deletes ended runs older than the retention cutoff, with their steps, and any job or pause left behind
 * (finalisation already removes those), oldest first in bounded batches: after months of downtime there may
 * be millions, and one huge transaction would time out and roll back forever. Active runs are never
 * touched. `isDone` is false when more remain for the next call. The InngestRunCount counters follow
 * through their delete trigger.
 * NOTE: SKIP LOCKED, so a run being retried or inspected under a row lock is simply left for the next batch.
 * The ids go in as an array (`= ANY`), so every delete is an index lookup: joined to the CTE, the planner
 * preferred hashing the whole step table for each batch.
 */
export const deleteEndedRuns = async (
  { endedBefore, batchSize = RUNS_PER_BATCH, maxBatches = BATCHES_PER_CALL }: DeleteEndedRunsOptions,
  client: DbClient = db,
): Promise<TDeletedRuns> => {
  const total: BatchCounts = { runs: 0, steps: 0, jobs: 0, pauses: 0 };
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const [counts] = await client.$queryRaw<BatchCounts[]>(Prisma.sql`
      WITH doomed AS (
        SELECT id FROM "InngestRun"
        WHERE "endedAt" < ${endedBefore.toISOString()}::timestamp AND status IN ('COMPLETED', 'FAILED', 'CANCELLED')
        ORDER BY "endedAt" LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      ),
      steps AS (DELETE FROM "InngestStep" WHERE "runId" = ANY(ARRAY(SELECT id FROM doomed)) RETURNING 1),
      jobs AS (DELETE FROM "InngestJob" WHERE "runId" = ANY(ARRAY(SELECT id FROM doomed)) RETURNING 1),
      pauses AS (DELETE FROM "InngestPause" WHERE "runId" = ANY(ARRAY(SELECT id FROM doomed)) RETURNING 1),
      runs AS (DELETE FROM "InngestRun" WHERE id = ANY(ARRAY(SELECT id FROM doomed)) RETURNING 1)
      SELECT (SELECT COUNT(*) FROM runs)::int AS runs, (SELECT COUNT(*) FROM steps)::int AS steps,
        (SELECT COUNT(*) FROM jobs)::int AS jobs, (SELECT COUNT(*) FROM pauses)::int AS pauses`);
    total.runs += counts!.runs;
    total.steps += counts!.steps;
    total.jobs += counts!.jobs;
    total.pauses += counts!.pauses;
    if (counts!.runs < batchSize) return { ...total, isDone: true };
  }
  return { ...total, isDone: false };
};
