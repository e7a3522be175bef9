import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { DEFAULT_RUNS_PAGE_SIZE, type TRunDisplayStatus } from "../system-queue.schemas";
import { DISPLAY_STATUS_SQL, nextWakeAtSql, runFilterSql } from "./run-status-sql";

export type ListRunsOptions = {
  status?: TRunDisplayStatus;
  functionId?: string;
  cursor?: string;
  direction?: "older" | "newer";
  limit?: number;
  /** Decides which jobs are "in flight" (a live lease) rather than a coming wake-up. */
  now: Date;
};

/** One row of the runs list: what staff scan for, no payloads. */
export type TQueueRunSummary = {
  id: string;
  functionId: string;
  /** Null when the function is no longer served by the app (its runs stay visible). */
  functionName: string | null;
  eventName: string;
  displayStatus: TRunDisplayStatus;
  createdAt: Date;
  endedAt: Date | null;
  nextWakeAt: Date | null;
};

export type TQueueRunsPage = {
  runs: TQueueRunSummary[];
  /** Pass with direction "older" for the next page; null on the last page. */
  olderCursor: string | null;
  /** Pass with direction "newer" for the previous page; null on the newest page. */
  newerCursor: string | null;
};

const existsRun = async (client: DbClient, where: Prisma.Sql) => {
  const rows = await client.$queryRaw<{ found: boolean }[]>(
    Prisma.sql`SELECT EXISTS (SELECT 1 FROM "InngestRun" r WHERE ${where}) AS found`,
  );
  return rows[0]?.found ?? false;
};

/** Runs newest first, filtered by display status and function, one keyset page at a time. */
export const listRuns = async (options: ListRunsOptions, client: DbClient = db): Promise<TQueueRunsPage> => {
  const { status, functionId, cursor, direction = "older", limit = DEFAULT_RUNS_PAGE_SIZE, now } = options;
  const filter = runFilterSql({ status, functionId });
  const isNewer = direction === "newer" && cursor !== undefined;
  const keyset = cursor === undefined ? Prisma.sql`TRUE` : isNewer ? Prisma.sql`r.id > ${cursor}` : Prisma.sql`r.id < ${cursor}`;
  const rows = await client.$queryRaw<TQueueRunSummary[]>(Prisma.sql`
    SELECT r.id, r."functionId", f.name AS "functionName", r."eventName",
      (${DISPLAY_STATUS_SQL}) AS "displayStatus", r."createdAt", r."endedAt", ${nextWakeAtSql(now)} AS "nextWakeAt"
    FROM "InngestRun" r
    LEFT JOIN "InngestFunction" f ON f.id = r."functionId"
    WHERE ${filter} AND ${keyset}
    ORDER BY r.id ${isNewer ? Prisma.sql`ASC` : Prisma.sql`DESC`}
    LIMIT ${limit + 1}`);

  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  if (isNewer) page.reverse();
  // NOTE: paging back up to the top (or landing on an empty page after the filters changed under a cursor)
  // shows the newest page instead of a short or empty one.
  if (cursor !== undefined && (page.length === 0 || (isNewer && !hasMore))) {
    return listRuns({ status, functionId, limit, now }, client);
  }

  const first = page[0];
  const last = page.at(-1);
  const hasOlder = isNewer ? last !== undefined && (await existsRun(client, Prisma.sql`${filter} AND r.id < ${last.id}`)) : hasMore;
  const hasNewer = isNewer ? hasMore : cursor !== undefined && first !== undefined && (await existsRun(client, Prisma.sql`${filter} AND r.id > ${first.id}`));
  return {
    runs: page.map((row) => ({
      id: row.id,
      functionId: row.functionId,
      functionName: row.functionName,
      eventName: row.eventName,
      displayStatus: row.displayStatus,
      createdAt: row.createdAt,
      endedAt: row.endedAt,
      nextWakeAt: row.nextWakeAt,
    })),
    olderCursor: hasOlder && last ? last.id : null,
    newerCursor: hasNewer && first ? first.id : null,
  };
};
