import "server-only";
import type { DbClient } from "@/server/db";
import { concurrencyBucket, normalizeConcurrency } from "./keys";
import { epochMs, inTransaction, ts } from "./sql";
import type { FunctionConfig } from "./types";

/** Run state a continuation already knows, so the next call skips re-reading it (hot path). */
export type KnownRunState = { event: unknown; events: unknown[]; stack: string[]; memos: Record<string, unknown>; functionId: string };

export type ClaimedJob = { id: string; runId: string; kind: "CALL" | "WAKE"; stepId: string; attempt: number; known?: KnownRunState };

type Candidate = ClaimedJob & { functionId: string; concurrencyKeys: string[] | null };

// WARNING: a constant shared by every executor process on this database; it serialises claimers.
const CLAIM_LOCK_ID = 7_243_001;

type ClaimOptions = { workerId: string; limit: number; leaseMs: number; nowMs: number; functions: Map<string, FunctionConfig> };

/**
 * The claim when no synced function has a concurrency limit: one statement, no transaction round trips.
 * SKIP LOCKED keeps two claimers off the same rows, and the lease condition is repeated on the UPDATE so
 * PostgreSQL re-checks it on the row version it locks: a job can never be leased twice.
 */
const claimUnlimited = async (db: DbClient, { workerId, limit, leaseMs, nowMs }: ClaimOptions) =>
  db.$queryRawUnsafe<ClaimedJob[]>(
    `UPDATE "InngestJob" SET "lockedUntil" = $3::timestamp, "lockedBy" = $4
     WHERE id IN (
       SELECT id FROM "InngestJob" WHERE "runAt" <= $1::timestamp AND ("lockedUntil" IS NULL OR "lockedUntil" < $1::timestamp)
       ORDER BY "runAt", id LIMIT $2 FOR UPDATE SKIP LOCKED
     ) AND ("lockedUntil" IS NULL OR "lockedUntil" < $1::timestamp)
     RETURNING id, "runId", kind, "stepId", attempt`,
    ts(nowMs), limit, ts(nowMs + leaseMs), workerId,
  );

/**
 * Claims up to `limit` due jobs (§5.7). With concurrency limits in play: one short transaction where an
 * advisory lock serialises claimers, due jobs whose lease is free are picked in runAt order, CALL jobs
 * whose concurrency bucket is full are skipped, and the rest get a lease for this worker.
 */
export const claimJobs = async (db: DbClient, options: ClaimOptions): Promise<ClaimedJob[]> => {
  const { workerId, limit, leaseMs, nowMs, functions } = options;
  const hasLimits = [...functions.values()].some((fn) => normalizeConcurrency(fn.concurrency).length > 0);
  if (!hasLimits) return claimUnlimited(db, options);
  return inTransaction(db, async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_ID})`);
    const candidates = await tx.$queryRawUnsafe<Candidate[]>(
      `SELECT j.id, j."runId", j.kind, j."stepId", j.attempt, r."functionId", r."concurrencyKeys"
       FROM "InngestJob" j JOIN "InngestRun" r ON r.id = j."runId"
       WHERE j."runAt" <= $1::timestamp AND (j."lockedUntil" IS NULL OR j."lockedUntil" < $1::timestamp)
       ORDER BY j."runAt", j.id LIMIT $2`,
      ts(nowMs), limit * 4 + 8,
    );
    if (candidates.length === 0) return [];

    const limited = new Set(
      candidates.filter((job) => job.kind === "CALL" && normalizeConcurrency(functions.get(job.functionId)?.concurrency).length > 0).map((job) => job.functionId),
    );
    const inFlight = new Map<string, number>();
    if (limited.size > 0) {
      const leased = await tx.$queryRawUnsafe<{ functionId: string; concurrencyKeys: string[] | null }[]>(
        `SELECT r."functionId", r."concurrencyKeys" FROM "InngestJob" j JOIN "InngestRun" r ON r.id = j."runId"
         WHERE j.kind = 'CALL' AND j."lockedUntil" >= $1::timestamp AND r."functionId" = ANY(string_to_array($2, E'\\x1f'))`,
        ts(nowMs), [...limited].join("\u001f"),
      );
      for (const row of leased) {
        (row.concurrencyKeys ?? []).forEach((key, index) => {
          const bucket = concurrencyBucket(row.functionId, index, key);
          inFlight.set(bucket, (inFlight.get(bucket) ?? 0) + 1);
        });
      }
    }

    const chosen: Candidate[] = [];
    for (const job of candidates) {
      if (chosen.length >= limit) break;
      if (job.kind === "CALL" && limited.has(job.functionId)) {
        const entries = normalizeConcurrency(functions.get(job.functionId)?.concurrency);
        const buckets = entries.map((entry, index) => ({ entry, bucket: concurrencyBucket(job.functionId, index, job.concurrencyKeys?.[index] ?? "") }));
        if (buckets.some(({ entry, bucket }) => (inFlight.get(bucket) ?? 0) >= entry.limit)) continue;
        for (const { bucket } of buckets) inFlight.set(bucket, (inFlight.get(bucket) ?? 0) + 1);
      }
      chosen.push(job);
    }
    if (chosen.length === 0) return [];
    // NOTE: the lease condition is checked again, so a claimer on the one-statement path cannot be overwritten.
    const claimed = await tx.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE "InngestJob" SET "lockedUntil" = $1::timestamp, "lockedBy" = $2
       WHERE id = ANY(string_to_array($3, ',')) AND ("lockedUntil" IS NULL OR "lockedUntil" < $4::timestamp) RETURNING id`,
      ts(nowMs + leaseMs), workerId, chosen.map((job) => job.id).join(","), ts(nowMs),
    );
    const claimedIds = new Set(claimed.map((row) => row.id));
    return chosen.filter((job) => claimedIds.has(job.id)).map(({ id, runId, kind, stepId, attempt }) => ({ id, runId, kind, stepId, attempt }));
  });
};

/** Extends a job's lease while its SDK call is in flight; false once another worker holds it. */
export const extendJobLease = async (db: DbClient, jobId: string, workerId: string, untilMs: number) =>
  (await db.$executeRawUnsafe(
    `UPDATE "InngestJob" SET "lockedUntil" = $3::timestamp WHERE id = $1 AND "lockedBy" = $2`,
    jobId, workerId, ts(untilMs),
  )) > 0;

/**
 * Takes or renews the executor lease with one conditional upsert (§5.7). Returns whether `holder` has it.
 */
export const acquireExecutorLease = async (db: DbClient, holder: string, nowMs: number, ttlMs: number, name = "executor") => {
  const rows = await db.$queryRawUnsafe<{ holder: string }[]>(
    `INSERT INTO "InngestLease"(name, holder, "expiresAt") VALUES ($1, $2, $3::timestamp)
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "expiresAt" = EXCLUDED."expiresAt"
     WHERE "InngestLease".holder = $2 OR "InngestLease"."expiresAt" < $4::timestamp
     RETURNING holder`,
    name, holder, ts(nowMs + ttlMs), ts(nowMs),
  );
  return rows[0]?.holder === holder;
};

export const releaseExecutorLease = async (db: DbClient, holder: string, name = "executor") => {
  await db.$executeRawUnsafe(`DELETE FROM "InngestLease" WHERE name = $1 AND holder = $2`, name, holder);
};

/** The earliest time something becomes due: a job, an expiring job lease, a pause expiry or (optionally) a cron. */
/** One cheap round trip: is any job or pause expiry due now? Lets an idle pass skip its transactions. */
export const peekDue = async (db: DbClient, nowMs: number, includeCrons: boolean) => {
  const rows = await db.$queryRawUnsafe<{ jobs: boolean; pauses: boolean; crons: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM "InngestJob" WHERE "runAt" <= $1::timestamp AND ("lockedUntil" IS NULL OR "lockedUntil" < $1::timestamp)) AS jobs,
            EXISTS (SELECT 1 FROM "InngestPause" WHERE "expiresAt" <= $1::timestamp) AS pauses,
            ($2 AND EXISTS (SELECT 1 FROM "InngestCron" WHERE "nextAt" <= $1::timestamp)) AS crons`,
    ts(nowMs), includeCrons,
  );
  return { hasJobs: rows[0]?.jobs === true, hasPauses: rows[0]?.pauses === true, hasCrons: rows[0]?.crons === true };
};

export const nextDueMs = async (db: DbClient, includeCrons: boolean): Promise<number | undefined> => {
  const rows = await db.$queryRawUnsafe<{ at: number | null }[]>(
    `SELECT min(at) AS at FROM (
       SELECT ${epochMs(`GREATEST("runAt", COALESCE("lockedUntil", "runAt"))`)} AS at FROM "InngestJob"
       UNION ALL SELECT ${epochMs('"expiresAt"')} FROM "InngestPause"
       ${includeCrons ? `UNION ALL SELECT ${epochMs('"nextAt"')} FROM "InngestCron"` : ""}
     ) due`,
  );
  const at = rows[0]?.at;
  return at === null || at === undefined ? undefined : Number(at);
};
