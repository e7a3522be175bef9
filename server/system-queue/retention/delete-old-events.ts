import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";

export type DeleteOldEventsOptions = {
  /** Events received before this instant are deleted, unless a run that has not ended refers to them. */
  receivedBefore: Date;
  /** Events per statement; each batch is its own short transaction. */
  batchSize?: number;
  /** Batches per call (one workflow step). */
  maxBatches?: number;
};

export const EVENTS_PER_BATCH = 5_000;
const BATCHES_PER_CALL = 10;

/**
 * Deletes events older than the retention cutoff, oldest first in bounded batches. An event a live run
 * was started by (its `events`, matched on the id the function saw: ours or the sender's) is kept, so an
 * active run's trigger stays visible in the System Queue however long it runs. `isDone` is false when more
 * remain for the next call.
 */
export const deleteOldEvents = async (
  { receivedBefore, batchSize = EVENTS_PER_BATCH, maxBatches = BATCHES_PER_CALL }: DeleteOldEventsOptions,
  client: DbClient = db,
): Promise<{ events: number; isDone: boolean }> => {
  let events = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const deleted = await client.$executeRaw(Prisma.sql`
      WITH live AS MATERIALIZED (
        SELECT DISTINCT x->>'id' AS id
        FROM "InngestRun" r CROSS JOIN LATERAL jsonb_array_elements(r.events) x
        WHERE r."endedAt" IS NULL
      ),
      doomed AS (
        SELECT e.id FROM "InngestEvent" e
        WHERE e."receivedAt" < ${receivedBefore.toISOString()}::timestamp
          AND NOT EXISTS (SELECT 1 FROM live WHERE live.id = e.id)
          AND NOT EXISTS (SELECT 1 FROM live WHERE live.id = e."externalId")
        ORDER BY e."receivedAt" LIMIT ${batchSize}
        FOR UPDATE OF e SKIP LOCKED
      )
      DELETE FROM "InngestEvent" e USING doomed d WHERE e.id = d.id`);
    events += deleted;
    if (deleted < batchSize) return { events, isDone: true };
  }
  return { events, isDone: false };
};
