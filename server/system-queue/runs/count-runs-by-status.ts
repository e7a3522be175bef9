import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { RUN_DISPLAY_STATUSES, type TRunDisplayStatus } from "../system-queue.schemas";
import { DISPLAY_STATUS_SQL, runFilterSql } from "./run-status-sql";

export type TRunStatusCounts = Record<TRunDisplayStatus, number>;

/** How many runs are in each display status (every status present, zero included), for the status tiles. */
export const countRunsByStatus = async ({ functionId }: { functionId?: string }, client: DbClient = db): Promise<TRunStatusCounts> => {
  const rows = await client.$queryRaw<{ status: string; count: number }[]>(Prisma.sql`
    SELECT d.status, COUNT(*)::int AS count
    FROM (SELECT (${DISPLAY_STATUS_SQL}) AS status FROM "InngestRun" r WHERE ${runFilterSql({ functionId })}) d
    GROUP BY d.status`);
  const counts = Object.fromEntries(RUN_DISPLAY_STATUSES.map((status) => [status, 0])) as TRunStatusCounts;
  for (const row of rows) {
    if (row.status in counts) counts[row.status as TRunDisplayStatus] = row.count;
  }
  return counts;
};
