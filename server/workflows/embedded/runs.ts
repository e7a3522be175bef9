import "server-only";
import { newId } from "./ids";
import type { DbClient } from "@/server/db";
import { ingest } from "./ingest";
import { evaluateConcurrencyKeys, evaluateIdempotencyKey, normalizeConcurrency } from "./keys";
import { resolveTimeMs } from "./duration";
import { json, ts } from "./sql";
import type { Ctx, FunctionConfig, RunEvent, SerializedError } from "./types";

const DAY_MS = 86_400_000;
/** Default expiry for cancelOn and invoke pauses that set no timeout. */
const ONE_YEAR_MS = 365 * DAY_MS;

/**
 * Claims a windowed unique key (§5.6): true when the key is fresh or its window expired, false for a live
 * duplicate. One statement, so two concurrent claimers cannot both win.
 */
export const claimDedupe = async (tx: DbClient, scope: string, key: string, nowMs: number, windowMs = DAY_MS) => {
  const rows = await tx.$queryRawUnsafe<unknown[]>(
    `INSERT INTO "InngestDedupe"(scope, key, "expiresAt") VALUES ($1, $2, $3::timestamp)
     ON CONFLICT (scope, key) DO UPDATE SET "expiresAt" = EXCLUDED."expiresAt" WHERE "InngestDedupe"."expiresAt" <= $4::timestamp
     RETURNING key`,
    scope, key, ts(nowMs + windowMs), ts(nowMs),
  );
  return rows.length > 0;
};

/** Deletes dedupe rows whose window has passed; the claim above treats them as fresh anyway, this only keeps the table small. */
export const sweepExpiredDedupe = async (tx: DbClient, nowMs: number) =>
  tx.$executeRawUnsafe(`DELETE FROM "InngestDedupe" WHERE "expiresAt" <= $1::timestamp`, ts(nowMs));

export type CreateRunOptions = {
  fn: FunctionConfig;
  event: RunEvent;
  parent?: { runId: string; hashedId: string };
  /** Staff retries start a new run from the stored event regardless of the idempotency window. */
  skipIdempotency?: boolean;
};

/** One run to insert, as the `runs` parameter of insertRunsSql carries it. */
export type NewRun = {
  id: string;
  functionId: string;
  jobId: string;
  keys: unknown;
  cancels: { id: string; eventName: string; expr: string | null; expiresAt: string }[];
  parentRunId: string | null;
  parentStepId: string | null;
};

/** The rows of a new run for `fn` started by `event`: concurrency keys evaluated, cancelOn pauses resolved. */
export const newRun = (fn: FunctionConfig, event: RunEvent, nowMs: number, parent?: { runId: string; hashedId: string }): NewRun => ({
  id: newId(nowMs),
  functionId: fn.id,
  jobId: newId(nowMs),
  keys: evaluateConcurrencyKeys(normalizeConcurrency(fn.concurrency), event),
  cancels: (fn.cancel ?? []).map((cancel) => ({
    id: newId(nowMs),
    eventName: cancel.event,
    expr: cancel.if ?? null,
    expiresAt: ts((cancel.timeout ? resolveTimeMs(cancel.timeout, nowMs) : undefined) ?? nowMs + ONE_YEAR_MS),
  })),
  parentRunId: parent?.runId ?? null,
  parentStepId: parent?.hashedId ?? null,
});

/**
 * CTEs inserting runs (`runsParam`: a jsonb array of NewRun), their cancelOn pauses and first discovery jobs,
 * all started by one event (`eventParam`: jsonb, `eventNameParam`) at `nowParam`. Run creation is on the hot
 * path of every send, so callers fold it into the statement they already make.
 */
export const insertRunsSql = (runsParam: string, eventNameParam: string, eventParam: string, nowParam: string) =>
  `new_run AS (
     SELECT * FROM jsonb_to_recordset(${runsParam}::jsonb)
       AS x(id text, "functionId" text, "jobId" text, keys jsonb, cancels jsonb, "parentRunId" text, "parentStepId" text)
   ), run_rows AS (
     INSERT INTO "InngestRun"(id, "functionId", status, "eventName", event, events, stack, "concurrencyKeys", "parentRunId", "parentStepId", "createdAt")
     SELECT id, "functionId", 'RUNNING', ${eventNameParam}, ${eventParam}::jsonb, jsonb_build_array(${eventParam}::jsonb), '[]'::jsonb, keys,
       "parentRunId", "parentStepId", ${nowParam}::timestamp
     FROM new_run RETURNING id
   ), cancel_rows AS (
     INSERT INTO "InngestPause"(id, "runId", kind, "eventName", expr, "expiresAt")
     SELECT c->>'id', r.id, 'CANCEL', c->>'eventName', c->>'expr', (c->>'expiresAt')::timestamp FROM new_run r, jsonb_array_elements(r.cancels) c
   ), job_rows AS (
     INSERT INTO "InngestJob"(id, "runId", kind, "stepId", attempt, "runAt") SELECT "jobId", id, 'CALL', 'step', 0, ${nowParam}::timestamp FROM new_run
   )`;

/**
 * Creates a run (§5.8): idempotency claim, concurrency keys, the run row, its cancelOn pauses and the first
 * discovery job. Returns the run id, or undefined when idempotency suppressed it. Call inside a transaction.
 */
export const createRun = async ({ db: tx, clock }: Ctx, { fn, event, parent, skipIdempotency }: CreateRunOptions) => {
  const nowMs = clock.now();
  if (fn.idempotency && !skipIdempotency) {
    const key = evaluateIdempotencyKey(fn.idempotency, event);
    if (key !== undefined && !(await claimDedupe(tx, `idem:${fn.id}`, key, nowMs))) return undefined;
  }
  const run = newRun(fn, event, nowMs, parent);
  await tx.$executeRawUnsafe(`WITH ${insertRunsSql("$1", "$2", "$3", "$4")} SELECT 1`, json([run]), event.name, json(event), ts(nowMs));
  return run.id;
};

/** A discovery created already leased to a worker, under the claim token it will fence its writes on. */
export type Continuation = { workerId: string; leaseMs: number; claimToken: string };

/**
 * Queues the run's next discovery (`stepId=step`) only when no step is pending and no job is queued
 * (§5.10: settle everything, then one discovery), and sets RUNNING/WAITING accordingly. With a
 * continuation the new job is created already leased to that worker, which runs it without a claim.
 * The discovery clears `disableImmediate`: a parallel group has settled once it is queued, and the next
 * request may run (and checkpoint) steps at once again, as Go's maybeResetForceStepPlan does.
 * Returns the new job id, if any. The caller holds the run's row lock.
 */
export const queueDiscoveryIfIdle = async ({ db: tx, clock }: Ctx, runId: string, continuation?: Continuation) => {
  const nowMs = clock.now();
  const rows = await tx.$queryRawUnsafe<{ jobId: string | null }[]>(
    `WITH ins AS (
       INSERT INTO "InngestJob"(id, "runId", kind, "stepId", attempt, "runAt", "lockedUntil", "lockedBy", "claimToken")
       SELECT $2, $1, 'CALL', 'step', 0, $3::timestamp, $4::timestamp, $5, $6
       WHERE NOT EXISTS (SELECT 1 FROM "InngestStep" WHERE "runId" = $1 AND memo IS NULL)
         AND NOT EXISTS (SELECT 1 FROM "InngestJob" WHERE "runId" = $1)
         AND EXISTS (SELECT 1 FROM "InngestRun" WHERE id = $1 AND "endedAt" IS NULL)
       RETURNING id
     )
     UPDATE "InngestRun" SET status = CASE
         WHEN EXISTS (SELECT 1 FROM ins) OR EXISTS (SELECT 1 FROM "InngestJob" WHERE "runId" = $1 AND kind = 'CALL') THEN 'RUNNING'
         ELSE 'WAITING' END,
       "disableImmediate" = "disableImmediate" AND NOT EXISTS (SELECT 1 FROM ins)
     WHERE id = $1 AND "endedAt" IS NULL
     RETURNING (SELECT id FROM ins) AS "jobId"`,
    runId, newId(nowMs), ts(nowMs),
    continuation ? ts(nowMs + continuation.leaseMs) : null, continuation?.workerId ?? null, continuation?.claimToken ?? null,
  );
  return rows[0]?.jobId ?? undefined;
};

/** Takes the run's row lock for the rest of the transaction; false when the run has ended (or is gone). */
export const lockRun = async (tx: DbClient, runId: string) => {
  const rows = await tx.$queryRawUnsafe<{ ended: boolean }[]>(
    `SELECT "endedAt" IS NOT NULL AS ended FROM "InngestRun" WHERE id = $1 FOR UPDATE`,
    runId,
  );
  return rows.length > 0 && !rows[0]!.ended;
};

/**
 * Memoises a pending step (sleep woke, wait matched or expired, invoke finished), appends it to the stack
 * and queues a discovery if nothing else is pending. Fenced: a step that already has a memo is left alone.
 */
export const resolveStep = async (ctx: Ctx, runId: string, hashedId: string, memo: unknown) => {
  if (!(await lockRun(ctx.db, runId))) return false;
  const nowMs = ctx.clock.now();
  const updated = await ctx.db.$executeRawUnsafe(
    `WITH step AS (
       UPDATE "InngestStep" SET memo = jsonb_build_object('v', $3::jsonb), "completedAt" = $4::timestamp
       WHERE "runId" = $1 AND "hashedId" = $2 AND memo IS NULL RETURNING 1
     )
     UPDATE "InngestRun" SET stack = stack || jsonb_build_array($2::text) WHERE id = $1 AND EXISTS (SELECT 1 FROM step)`,
    runId, hashedId, json(memo), ts(nowMs),
  );
  if (!updated) return false;
  await queueDiscoveryIfIdle(ctx, runId);
  return true;
};

export type RunOutcome =
  | { status: "COMPLETED"; output: unknown }
  | { status: "FAILED"; error: SerializedError }
  | { status: "CANCELLED" };

type EndedRun = { functionId: string; event: RunEvent; events: RunEvent[]; parentRunId: string | null; parentStepId: string | null };

/**
 * Ends a run (§5.12), in the caller's transaction: status and result, remaining jobs and pauses deleted,
 * the parent's invoke resolved, then the lifecycle events ingested so they route like any other event.
 * Fenced on `endedAt IS NULL`: returns false when the run had already ended.
 */
export const finalizeRun = async (ctx: Ctx, runId: string, outcome: RunOutcome) => {
  const { db: tx, clock } = ctx;
  const nowMs = clock.now();
  const output = outcome.status === "COMPLETED" ? json(outcome.output) : null;
  const error = outcome.status === "FAILED" ? json(outcome.error) : null;
  const rows = await tx.$queryRawUnsafe<EndedRun[]>(
    `WITH run AS (
       UPDATE "InngestRun" SET status = $2, output = $3::jsonb, error = $4::jsonb, "endedAt" = $5::timestamp
       WHERE id = $1 AND "endedAt" IS NULL
       RETURNING "functionId", event, events, "parentRunId", "parentStepId"
     ), jobs AS (DELETE FROM "InngestJob" WHERE "runId" = $1 AND EXISTS (SELECT 1 FROM run)),
     pauses AS (DELETE FROM "InngestPause" WHERE "runId" = $1 AND EXISTS (SELECT 1 FROM run))
     SELECT * FROM run`,
    runId, outcome.status, output, error, ts(nowMs),
  );
  const ended = rows[0];
  if (!ended) return false;

  if (ended.parentRunId && ended.parentStepId) {
    const pauses = await tx.$queryRawUnsafe<unknown[]>(
      `DELETE FROM "InngestPause" WHERE kind = 'INVOKE' AND "childRunId" = $1 RETURNING id`,
      runId,
    );
    if (pauses.length > 0) {
      const memo =
        outcome.status === "COMPLETED"
          ? { data: outcome.output ?? null }
          : { error: outcome.status === "FAILED" ? outcome.error : { name: "Error", message: "Invoked function was cancelled" } };
      await resolveStep(ctx, ended.parentRunId, ended.parentStepId, memo);
    }
  }

  const base = { function_id: ended.functionId, run_id: runId, event: ended.event, events: ended.events };
  const lifecycle =
    outcome.status === "COMPLETED"
      ? [{ name: "inngest/function.finished", data: { ...base, result: outcome.output ?? null } }]
      : outcome.status === "FAILED"
        ? [
            { name: "inngest/function.finished", data: { ...base, error: outcome.error } },
            { name: "inngest/function.failed", id: runId, data: { ...base, error: outcome.error } },
          ]
        : [{ name: "inngest/function.cancelled", data: base }];
  await ingest(lifecycle, { ...ctx, functions: (ctx as Ctx & { functions?: Map<string, FunctionConfig> }).functions, isInternal: true });
  return true;
};
