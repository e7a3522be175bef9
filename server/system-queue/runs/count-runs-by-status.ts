import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { RUN_DISPLAY_STATUSES, type TRunDisplayStatus } from "../system-queue.schemas";
import { ACTIVE_STORED_STATUSES_SQL, DISPLAY_STATUS_SQL, runFilterSql } from "./run-status-sql";

export type TRunStatusCounts = Record<TRunDisplayStatus, number>;

/**
 * How many runs are in each display status (every status present, zero included), for the status tiles.
 * NOTE: polled every 2 s per open tab, over what can be millions of ended runs. Ended runs are read from
 * InngestRunCount, which triggers keep in the statements that end or delete runs (see its migration); only
 * active runs (few) get their display status derived from their jobs and steps. One statement, so both
 * halves see the same snapshot and a run ending meanwhile is counted exactly once.
 */
export const countRunsByStatus = async ({ functionId }: { functionId?: string }, client: DbClient = db): Promise<TRunStatusCounts> => {
  const rows = await client.$queryRaw<{ status: string; count: number }[]>(Prisma.sql`
    SELECT c.status, SUM(c.count)::int AS count
    FROM "InngestRunCount" c
    WHERE ${functionId ? Prisma.sql`c."functionId" = ${functionId}` : Prisma.sql`TRUE`}
    GROUP BY c.status
    UNION ALL
    SELECT d.status, COUNT(*)::int AS count
    FROM (
      SELECT (${DISPLAY_STATUS_SQL}) AS status FROM "InngestRun" r
      WHERE r.status IN ${ACTIVE_STORED_STATUSES_SQL} AND ${runFilterSql({ functionId })}
    ) d
    GROUP BY d.status`);
  const counts = Object.fromEntries(RUN_DISPLAY_STATUSES.map((status) => [status, 0])) as TRunStatusCounts;
  for (const row of rows) {
    if (row.status in counts) counts[row.status as TRunDisplayStatus] = row.count;
  }
  return counts;
};
