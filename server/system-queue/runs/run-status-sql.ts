import "server-only";
import { Prisma } from "@/server/db/generated/client";
import type { TRunDisplayStatus } from "../system-queue.schemas";

// NOTE: the executor tables have no Prisma relations (they mirror workflow-engine.md §5.6), and the
// display status and next wake-up depend on a run's jobs, steps and pauses. Both are computed in SQL so that
// filtering, counting and keyset pagination happen in the database, not on a page of rows in memory.
// Every fragment expects the run table aliased as `r`.

/** The display status of run `r` (see RUN_DISPLAY_STATUSES for the meaning of each value). */
export const DISPLAY_STATUS_SQL = Prisma.sql`CASE
  WHEN r.status = 'RUNNING'
    AND r.stack = '[]'::jsonb
    AND NOT EXISTS (SELECT 1 FROM "InngestStep" s WHERE s."runId" = r.id)
    AND NOT EXISTS (SELECT 1 FROM "InngestJob" j WHERE j."runId" = r.id AND (j."lockedBy" IS NOT NULL OR j.attempt > 0))
    THEN 'QUEUED'
  WHEN r.status = 'RUNNING' THEN 'RUNNING'
  WHEN r.status = 'WAITING' AND EXISTS (SELECT 1 FROM "InngestJob" j WHERE j."runId" = r.id AND j.kind = 'WAKE') THEN 'SLEEPING'
  WHEN r.status = 'WAITING' THEN 'WAITING'
  ELSE r.status
END`;

/**
 * When run `r` next does something on its own: the earliest of its queued jobs' `runAt` and its wait or
 * invoke pauses' `expiresAt` (§5.13). Jobs a worker is executing right now are not a wake-up, and CANCEL
 * pauses are left out because their expiry only drops the cancelOn guard; it never resumes the run.
 * An ended run has no jobs or pauses left (finalisation deletes them), so it is not looked up at all.
 * NOTE: the columns are UTC `timestamp` without zone; `now` goes in as an ISO string cast to `timestamp`
 * (as the executor writes them), so the session's TimeZone setting cannot shift the comparison.
 */
export const nextWakeAtSql = (now: Date) => Prisma.sql`CASE WHEN r."endedAt" IS NULL THEN (
  SELECT MIN(w.at) FROM (
    SELECT j."runAt" AS at FROM "InngestJob" j
      WHERE j."runId" = r.id AND (j."lockedUntil" IS NULL OR j."lockedUntil" < ${now.toISOString()}::timestamp)
    UNION ALL
    SELECT p."expiresAt" FROM "InngestPause" p WHERE p."runId" = r.id AND p.kind <> 'CANCEL'
  ) w
) END`;

/** The stored statuses of runs that have not ended; only these need the derived display status. */
export const ACTIVE_STORED_STATUSES_SQL = Prisma.sql`('RUNNING', 'WAITING')`;

/** The stored status a display status is carved out of, so the (status, id) index narrows first. */
const STORED_STATUS: Record<TRunDisplayStatus, string> = {
  QUEUED: "RUNNING",
  RUNNING: "RUNNING",
  SLEEPING: "WAITING",
  WAITING: "WAITING",
  COMPLETED: "COMPLETED",
  FAILED: "FAILED",
  CANCELLED: "CANCELLED",
};

/** WHERE conditions on `r` for the list filters; always at least one condition, so callers can AND them. */
export const runFilterSql = ({ status, functionId }: { status?: TRunDisplayStatus; functionId?: string }) => {
  const conditions = [Prisma.sql`TRUE`];
  if (functionId) conditions.push(Prisma.sql`r."functionId" = ${functionId}`);
  if (status) {
    conditions.push(Prisma.sql`r.status = ${STORED_STATUS[status]}`);
    const isActive = STORED_STATUS[status] === "RUNNING" || STORED_STATUS[status] === "WAITING";
    if (isActive) {
      // NOTE: the active display statuses split one stored status, so the derived value decides.
      conditions.push(Prisma.sql`(${DISPLAY_STATUS_SQL}) = ${status}`);
    }
  }
  return Prisma.join(conditions, " AND ");
};
