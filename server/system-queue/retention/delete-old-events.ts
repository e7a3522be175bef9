import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";

export type DeleteOldEventsOptions = {
  /** Events received before this instant are deleted, unless a run that has not ended refers to them. */
  receivedBefore: Date;
  /** Events looked at per statement; each batch is its own short transaction. */
  batchSize?: number;
  /** Batches per call (one workflow step). */
  maxBatches?: number;
};

export const EVENTS_PER_BATCH = 5_000;
const BATCHES_PER_CALL = 10;

type Batch = { scanned: number; deleted: number; lastId: string | null; lastAt: string | null };

/**
 * Deletes events older than the retention cutoff, oldest first in bounded batches. An event a live run
 * was started by (its `events`, matched on the id the function saw: ours or the sender's) is kept, so an
 * active run's trigger stays visible in the System Queue however long it runs. `isDone` is false when more
 * remain for the next call.
 * NOTE: each batch takes the next `batchSize` old events after the previous batch's last one (keyset), then
 * drops the live runs' events from them with a hash anti-join. Kept events are therefore stepped over, never
 * re-read by every batch, and a batch costs the same however many runs are live.
 */
export const deleteOldEvents = async (
  { receivedBefore, batchSize = EVENTS_PER_BATCH, maxBatches = BATCHES_PER_CALL }: DeleteOldEventsOptions,
  client: DbClient = db,
): Promise<{ events: number; isDone: boolean }> => {
  let events = 0;
  let after: { id: string; at: string } | null = null;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const keyset: Prisma.Sql = after ? Prisma.sql`("receivedAt", id) > (${after.at}::timestamp, ${after.id})` : Prisma.sql`TRUE`;
    const [result] = await client.$queryRaw<Batch[]>(Prisma.sql`
      WITH candidates AS MATERIALIZED (
        SELECT id, "externalId", "receivedAt" FROM "InngestEvent"
        WHERE "receivedAt" < ${receivedBefore.toISOString()}::timestamp AND ${keyset}
        ORDER BY "receivedAt", id LIMIT ${batchSize}
      ),
      live AS MATERIALIZED (
        SELECT DISTINCT x->>'id' AS id
        FROM "InngestRun" r CROSS JOIN LATERAL jsonb_array_elements(r.events) x
        WHERE r."endedAt" IS NULL
      ),
      doomed AS (
        SELECT c.id FROM candidates c
        WHERE NOT EXISTS (SELECT 1 FROM live WHERE live.id = c.id) AND NOT EXISTS (SELECT 1 FROM live WHERE live.id = c."externalId")
      ),
      deleted AS (DELETE FROM "InngestEvent" WHERE id = ANY(ARRAY(SELECT id FROM doomed)) RETURNING 1),
      last AS (SELECT id, "receivedAt" FROM candidates ORDER BY "receivedAt" DESC, id DESC LIMIT 1)
      SELECT (SELECT COUNT(*) FROM candidates)::int AS scanned, (SELECT COUNT(*) FROM deleted)::int AS deleted,
        (SELECT id FROM last) AS "lastId", to_char((SELECT "receivedAt" FROM last), 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "lastAt"`);
    events += result!.deleted;
    if (result!.scanned < batchSize || !result!.lastId || !result!.lastAt) return { events, isDone: true };
    after = { id: result!.lastId, at: result!.lastAt };
  }
  return { events, isDone: false };
};
