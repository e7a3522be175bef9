import "server-only";
import { randomUUID } from "node:crypto";
import type { DbClient } from "@/server/db";
import { normalizeConcurrency } from "./keys";
import { epochMs, hotExecute, hotQuery, inTransaction, ts, type HotStatement } from "./sql";
import type { FunctionConfig } from "./types";

/** Run state a continuation already knows, so the next call skips re-reading it (hot path). */
export type KnownRunState = { event: unknown; events: unknown[]; stack: string[]; memos: Record<string, unknown>; functionId: string };

/**
 * A job this worker holds. `claimToken` is set anew by every claim: every write that applies a reply,
 * extends the lease or deletes the job is fenced on (id, claimToken), so a stale delivery of the same job
 * (a lapsed lease re-claimed by the same worker) can never pass a fence (§5.7).
 */
export type ClaimedJob = {
  id: string; runId: string; kind: "CALL" | "WAKE"; stepId: string; attempt: number; claimToken: string;
  known?: KnownRunState;
  /** A CALL's run as the claim statement read it, so a fresh claim needs no second round trip. */
  loaded?: LoadedRun | null;
};

/** The run state a CALL is built from (§5.8 CALL job, step 1). */
export type LoadedRun = {
  functionId: string; event: unknown; events: unknown[]; stack: string[]; disableImmediate: boolean; ended: boolean;
  memos: Record<string, unknown> | null;
};

/** A fresh token for a job created already leased (a continuation). Claims draw theirs in SQL. */
export const newClaimToken = () => randomUUID();

// WARNING: a constant shared by every executor process on this database; it serialises claimers.
const CLAIM_LOCK_ID = 7_243_001;

type ClaimOptions = { workerId: string; limit: number; leaseMs: number; nowMs: number; functions: Map<string, FunctionConfig> };

const DUE = `"runAt" <= $1::timestamp AND ("lockedUntil" IS NULL OR "lockedUntil" < $1::timestamp)`;
const CLAIMED_COLUMNS = `id, "runId", kind, "stepId", attempt, "claimToken"`;

/**
 * Wraps a claiming UPDATE (a CTE named `claimed`) so the same statement also reads each CALL's run: its
 * event, stack, memos and flags. It is read in the claim's snapshot; every write is still fenced later.
 */
const withLoadedRuns = (ctes: string) =>
  `${ctes}
   SELECT c.*, CASE WHEN c.kind = 'CALL' AND r.id IS NOT NULL THEN jsonb_build_object(
       'functionId', r."functionId", 'event', r.event, 'events', r.events, 'stack', r.stack,
       'disableImmediate', r."disableImmediate", 'ended', r."endedAt" IS NOT NULL,
       'memos', (SELECT jsonb_object_agg(s."hashedId", s.memo->'v') FROM "InngestStep" s WHERE s."runId" = r.id AND s.memo IS NOT NULL)
     ) END AS loaded
   FROM claimed c LEFT JOIN "InngestRun" r ON r.id = c."runId"`;

/**
 * The claim when no synced function has a concurrency limit: one statement, no transaction round trips.
 * SKIP LOCKED keeps two claimers off the same rows, and the lease condition is repeated on the UPDATE so
 * PostgreSQL re-checks it on the row version it locks: a job can never be leased twice.
 */
const CLAIM_UNLIMITED: HotStatement = {
  name: "hl_claim_unlimited",
  text: withLoadedRuns(`WITH claimed AS (
     UPDATE "InngestJob" SET "lockedUntil" = $3::timestamp, "lockedBy" = $4, "claimToken" = gen_random_uuid()::text
     WHERE id IN (SELECT id FROM "InngestJob" WHERE ${DUE} ORDER BY "runAt", id LIMIT $2 FOR UPDATE SKIP LOCKED) AND ${DUE}
     RETURNING ${CLAIMED_COLUMNS}
   )`),
};

const claimUnlimited = async (db: DbClient, { workerId, limit, leaseMs, nowMs }: ClaimOptions) =>
  hotQuery<ClaimedJob>(db, CLAIM_UNLIMITED, ts(nowMs), limit, ts(nowMs + leaseMs), workerId);

/** Every concurrency entry of the synced functions, as the rows the claim statement joins against. */
const limitRows = (functions: Map<string, FunctionConfig>) =>
  [...functions.values()].flatMap((fn) => normalizeConcurrency(fn.concurrency).map((entry, idx) => ({ fn: fn.id, idx, cap: entry.limit })));

/**
 * Claims up to `limit` due jobs (§5.7). With concurrency limits in play, one statement under an advisory
 * lock that serialises claimers: due jobs are read in runAt order, skipping CALL jobs whose bucket
 * (function, entry, evaluated key) is full, so a backlog behind a full bucket never hides another
 * function's due job; among those candidates, a bucket gets no more jobs than it has free slots.
 * NOTE: the candidate window is bounded (limit * 4 + 8) to keep the claim cheap. A bucket with a few free
 * slots and a long backlog can fill the window for one pass, but then it is full and skipped on the next.
 */
export const claimJobs = async (db: DbClient, options: ClaimOptions): Promise<ClaimedJob[]> => {
  const { workerId, limit, leaseMs, nowMs, functions } = options;
  const limits = limitRows(functions);
  if (limits.length === 0) return claimUnlimited(db, options);
  return inTransaction(db, async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_ID})`);
    return tx.$queryRawUnsafe<ClaimedJob[]>(
      withLoadedRuns(`WITH lim AS (SELECT * FROM jsonb_to_recordset($5::jsonb) AS l(fn text, idx int, cap int)),
       busy AS (
         SELECT lim.fn, lim.idx, COALESCE(r."concurrencyKeys" ->> lim.idx, '') AS key, lim.cap - count(*)::int AS free
         FROM "InngestJob" j JOIN "InngestRun" r ON r.id = j."runId" JOIN lim ON lim.fn = r."functionId"
         WHERE j.kind = 'CALL' AND j."lockedUntil" >= $1::timestamp
         GROUP BY lim.fn, lim.idx, lim.cap, 3
       ),
       candidate AS (
         SELECT j.id, j."runAt", j.kind, r."functionId", r."concurrencyKeys" AS keys
         FROM "InngestJob" j JOIN "InngestRun" r ON r.id = j."runId"
         WHERE j."runAt" <= $1::timestamp AND (j."lockedUntil" IS NULL OR j."lockedUntil" < $1::timestamp)
           AND NOT (j.kind = 'CALL' AND EXISTS (
             SELECT 1 FROM busy b WHERE b.free <= 0 AND b.fn = r."functionId" AND b.key = COALESCE(r."concurrencyKeys" ->> b.idx, '')
           ))
         ORDER BY j."runAt", j.id LIMIT $6
       ),
       queued_behind AS (
         SELECT id FROM (
           SELECT c.id, COALESCE(b.free, lim.cap) AS free,
             row_number() OVER (PARTITION BY lim.fn, lim.idx, k.key ORDER BY c."runAt", c.id) AS place
           FROM candidate c JOIN lim ON lim.fn = c."functionId" AND c.kind = 'CALL'
           CROSS JOIN LATERAL (SELECT COALESCE(c.keys ->> lim.idx, '') AS key) k
           LEFT JOIN busy b ON b.fn = lim.fn AND b.idx = lim.idx AND b.key = k.key
         ) ranked WHERE place > free
       ),
       pick AS (SELECT id FROM candidate WHERE id NOT IN (SELECT id FROM queued_behind) ORDER BY "runAt", id LIMIT $2),
       claimed AS (
         UPDATE "InngestJob" SET "lockedUntil" = $3::timestamp, "lockedBy" = $4, "claimToken" = gen_random_uuid()::text
         WHERE id IN (SELECT id FROM pick) AND ${DUE}
         RETURNING ${CLAIMED_COLUMNS}
       )`),
      ts(nowMs), limit, ts(nowMs + leaseMs), workerId, JSON.stringify(limits), limit * 4 + 8,
    );
  });
};

/**
 * Extends a job's lease while its SDK call is in flight, fenced on the claim: false once the claim is gone
 * (re-claimed after a lapse, or deleted because the run ended).
 */
const EXTEND_JOB_LEASE: HotStatement = {
  name: "hl_extend_job_lease",
  text: `UPDATE "InngestJob" SET "lockedUntil" = $3::timestamp WHERE id = $1 AND "claimToken" = $2`,
};

export const extendJobLease = async (db: DbClient, job: Pick<ClaimedJob, "id" | "claimToken">, untilMs: number) =>
  (await hotExecute(db, EXTEND_JOB_LEASE, job.id, job.claimToken, ts(untilMs))) > 0;

/** Gives a held job back unstarted, so the next claim takes it at once instead of after its lease. */
export const releaseJobLease = async (db: DbClient, job: Pick<ClaimedJob, "id" | "claimToken">) =>
  db.$executeRawUnsafe(
    `UPDATE "InngestJob" SET "lockedUntil" = NULL, "lockedBy" = NULL, "claimToken" = NULL WHERE id = $1 AND "claimToken" = $2`,
    job.id, job.claimToken,
  );

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

/** One cheap round trip: is any job or pause expiry due now? Lets an idle pass skip its transactions. */
const PEEK_DUE: HotStatement = {
  name: "hl_peek_due",
  text: `SELECT EXISTS (SELECT 1 FROM "InngestJob" WHERE "runAt" <= $1::timestamp AND ("lockedUntil" IS NULL OR "lockedUntil" < $1::timestamp)) AS jobs,
     EXISTS (SELECT 1 FROM "InngestPause" WHERE "expiresAt" <= $1::timestamp) AS pauses,
     ($2 AND EXISTS (SELECT 1 FROM "InngestCron" WHERE "nextAt" <= $1::timestamp)) AS crons`,
};

export const peekDue = async (db: DbClient, nowMs: number, includeCrons: boolean) => {
  const rows = await hotQuery<{ jobs: boolean; pauses: boolean; crons: boolean }>(db, PEEK_DUE, ts(nowMs), includeCrons);
  return { hasJobs: rows[0]?.jobs === true, hasPauses: rows[0]?.pauses === true, hasCrons: rows[0]?.crons === true };
};

/**
 * The earliest time something becomes due: a job, an expiring job lease, a pause expiry or (optionally) a
 * cron. A lease holds through its lockedUntil instant, so its job is due 1 ms later.
 */
export const nextDueMs = async (db: DbClient, includeCrons: boolean): Promise<number | undefined> => {
  const rows = await db.$queryRawUnsafe<{ at: number | null }[]>(
    `SELECT min(at) AS at FROM (
       SELECT ${epochMs(`GREATEST("runAt", COALESCE("lockedUntil" + interval '1 millisecond', "runAt"))`)} AS at FROM "InngestJob"
       UNION ALL SELECT ${epochMs('"expiresAt"')} FROM "InngestPause"
       ${includeCrons ? `UNION ALL SELECT ${epochMs('"nextAt"')} FROM "InngestCron"` : ""}
     ) due`,
  );
  const at = rows[0]?.at;
  return at === null || at === undefined ? undefined : Number(at);
};
