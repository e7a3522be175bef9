import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";

export type TQueueEvent = {
  id: string;
  /** The sender's id (deduplicated for 24 h), when it gave one. */
  externalId: string | null;
  name: string;
  data: unknown;
  receivedAt: Date;
};

/**
 * The latest events the executor received, newest first.
 * NOTE: every finished run emits `inngest/function.finished` (and failed or cancelled runs one more), so
 * without the filter the executor's own bookkeeping would crowd out the events the app sent. The pattern is
 * a literal, not a parameter, so the planner can match the partial index on app events
 * ("InngestEvent_app_receivedAt_id_idx", whose predicate is this very condition).
 */
export const listRecentEvents = async (
  { limit, includeInternal }: { limit: number; includeInternal: boolean },
  client: DbClient = db,
): Promise<TQueueEvent[]> =>
  client.$queryRaw<TQueueEvent[]>(Prisma.sql`
    SELECT id, "externalId", name, data, "receivedAt" FROM "InngestEvent"
    WHERE ${includeInternal ? Prisma.sql`TRUE` : Prisma.sql`name NOT LIKE 'inngest/%'`}
    ORDER BY "receivedAt" DESC, id DESC
    LIMIT ${limit}`);
