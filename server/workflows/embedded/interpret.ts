import "server-only";
import { newId } from "./ids";
import type { DbClient } from "@/server/db";
import { backoffDelayMs, type Backoff } from "./backoff";
import { MAX_SLEEP_MS, parseRetryAfterMs, resolveTimeMs } from "./duration";
import type { Op, Verdict } from "./protocol";
import { matchesEventName } from "./ingest";
import { newClaimToken, type ClaimedJob, type KnownRunState } from "./queue";
import { createRun, finalizeRun, lockRun, queueDiscoveryIfIdle, resolveStep, type Continuation } from "./runs";
import { hotQuery, inTransaction, json, ts } from "./sql";
import type { Ctx, FunctionConfig, RunEvent, SerializedError } from "./types";

export type ApplyContext = Ctx & {
  workerId: string;
  leaseMs: number;
  backoff: Backoff;
  random?: () => number;
  functions: Map<string, FunctionConfig>;
};

const ONE_YEAR_MS = 365 * 86_400_000;
const UNSUPPORTED_OPS = new Set(["AIGateway", "Gateway", "WaitForSignal", "DeferAdd", "DeferAbort", "SyncRunComplete"]);
/** Ops that leave a step pending: two or more of them in one reply mean the run went parallel (§5.10). */
const PLAN_OR_ASYNC_OPS = new Set(["StepPlanned", "Sleep", "WaitForEvent", "InvokeFunction"]);

/** Deletes the job if this claim still holds it: whoever wins the row applies the result (§5.7). */
export const deleteFenced = async (tx: DbClient, job: ClaimedJob) =>
  (await tx.$executeRawUnsafe(`DELETE FROM "InngestJob" WHERE id = $1 AND "claimToken" = $2`, job.id, job.claimToken)) > 0;

/**
 * The fence and the run's row lock in one round trip: "gone" when this claim no longer holds the job (it
 * was re-claimed, or the run ended and took its jobs), "ended" when the run is over, "active" otherwise.
 */
const deleteFencedAndLock = async (tx: DbClient, job: ClaimedJob) => {
  const rows = await tx.$queryRawUnsafe<{ ended: boolean }[]>(
    `WITH del AS (DELETE FROM "InngestJob" WHERE id = $1 AND "claimToken" = $2 RETURNING "runId")
     SELECT "endedAt" IS NOT NULL AS ended FROM "InngestRun" WHERE id = $3 AND EXISTS (SELECT 1 FROM del) FOR UPDATE`,
    job.id, job.claimToken, job.runId,
  );
  const row = rows[0];
  return !row ? ("gone" as const) : row.ended ? ("ended" as const) : ("active" as const);
};

/** Re-queues the same request with attempt + 1, fenced like a delete; the next claim draws a new token. */
const requeueFenced = async (tx: DbClient, job: ClaimedJob, runAtMs: number) =>
  (await tx.$executeRawUnsafe(
    `UPDATE "InngestJob" SET attempt = attempt + 1, "runAt" = $3::timestamp, "lockedUntil" = NULL, "lockedBy" = NULL, "claimToken" = NULL
     WHERE id = $1 AND "claimToken" = $2`,
    job.id, job.claimToken, ts(runAtMs),
  )) > 0;

/** Records a finished step (memo + stack) unless an earlier delivery already did; the SDK replays in stack order. */
const memoStep = async (tx: DbClient, runId: string, op: Op, memo: unknown, startedMs: number, nowMs: number) =>
  tx.$executeRawUnsafe(
    `WITH s AS (
       INSERT INTO "InngestStep"("runId", "hashedId", op, name, memo, attempts, "startedAt", "completedAt")
       VALUES ($1, $2, $3, $4, jsonb_build_object('v', $5::jsonb), 1, $6::timestamp, $7::timestamp)
       ON CONFLICT ("runId", "hashedId") DO UPDATE SET op = EXCLUDED.op, name = COALESCE(EXCLUDED.name, "InngestStep".name),
         memo = EXCLUDED.memo, attempts = "InngestStep".attempts + 1,
         "startedAt" = COALESCE("InngestStep"."startedAt", EXCLUDED."startedAt"), "completedAt" = EXCLUDED."completedAt"
       WHERE "InngestStep".memo IS NULL
       RETURNING 1
     )
     UPDATE "InngestRun" SET stack = stack || jsonb_build_array($2::text) WHERE id = $1 AND EXISTS (SELECT 1 FROM s)`,
    runId, op.id, op.op, op.displayName ?? op.name ?? null, json(memo), ts(startedMs), ts(nowMs),
  );

/** A step that is now waiting (planned, sleeping, waiting, invoking); no-op when it already exists. */
const insertPendingStep = async (tx: DbClient, runId: string, op: Op, nowMs: number) =>
  tx.$executeRawUnsafe(
    `INSERT INTO "InngestStep"("runId", "hashedId", op, name, "startedAt") VALUES ($1, $2, $3, $4, $5::timestamp) ON CONFLICT DO NOTHING`,
    runId, op.id, op.op, op.displayName ?? op.name ?? null, ts(nowMs),
  );

/** Keeps attempts/lastError current for the System Queue while a step is retried. */
const recordStepAttempt = async (tx: DbClient, runId: string, hashedId: string, opName: string, error: SerializedError, startedMs: number) =>
  tx.$executeRawUnsafe(
    `INSERT INTO "InngestStep"("runId", "hashedId", op, name, attempts, "lastError", "startedAt") VALUES ($1, $2, 'StepRun', $3, 1, $4::jsonb, $5::timestamp)
     ON CONFLICT ("runId", "hashedId") DO UPDATE SET attempts = "InngestStep".attempts + 1, "lastError" = EXCLUDED."lastError",
       "startedAt" = COALESCE("InngestStep"."startedAt", EXCLUDED."startedAt")
     WHERE "InngestStep".memo IS NULL`,
    runId, hashedId, opName, json(error), ts(startedMs),
  );

const failure = (message: string): SerializedError => ({ name: "Error", message });

/** Applies one op (§5.8 table). Returns an outcome when the op ends the run. */
const applyOp = async (actx: ApplyContext & { db: DbClient }, runId: string, fn: FunctionConfig, op: Op, startedMs: number): Promise<"ended" | void> => {
  const { db: tx, clock } = actx;
  const nowMs = clock.now();
  switch (op.op) {
    case "StepRun":
      await memoStep(tx, runId, op, { data: op.data ?? null }, startedMs, nowMs);
      return;
    case "StepFailed":
      await memoStep(tx, runId, op, { error: op.error ?? failure("step failed") }, startedMs, nowMs);
      return;
    case "StepPlanned":
      await insertPendingStep(tx, runId, op, nowMs);
      await tx.$executeRawUnsafe(
        `INSERT INTO "InngestJob"(id, "runId", kind, "stepId", attempt, "runAt")
         SELECT $1, $2, 'CALL', $3, 0, $4::timestamp
         WHERE NOT EXISTS (SELECT 1 FROM "InngestJob" WHERE "runId" = $2 AND "stepId" = $3)
           AND NOT EXISTS (SELECT 1 FROM "InngestStep" WHERE "runId" = $2 AND "hashedId" = $3 AND memo IS NOT NULL)`,
        newId(nowMs), runId, op.id, ts(nowMs),
      );
      return;
    case "Sleep": {
      const spec = String(op.opts?.duration ?? op.name ?? "");
      const wakeMs = resolveTimeMs(spec, nowMs);
      if (wakeMs === undefined) return endWithError(actx, runId, `invalid sleep "${spec}"`);
      if (wakeMs - nowMs > MAX_SLEEP_MS) return endWithError(actx, runId, `sleep "${spec}" is longer than 366 days`);
      await insertPendingStep(tx, runId, op, nowMs);
      await tx.$executeRawUnsafe(
        `INSERT INTO "InngestJob"(id, "runId", kind, "stepId", attempt, "runAt")
         SELECT $1, $2, 'WAKE', $3, 0, $4::timestamp WHERE NOT EXISTS (SELECT 1 FROM "InngestJob" WHERE "runId" = $2 AND "stepId" = $3)`,
        newId(nowMs), runId, op.id, ts(Math.max(wakeMs, nowMs)),
      );
      return;
    }
    case "WaitForEvent": {
      const eventName = String(op.opts?.event ?? op.name ?? "");
      const timeout = String(op.opts?.timeout ?? "366d");
      const expiresMs = resolveTimeMs(timeout, nowMs);
      if (!eventName) return endWithError(actx, runId, "waitForEvent without an event name");
      if (expiresMs === undefined) return endWithError(actx, runId, `invalid waitForEvent timeout "${timeout}"`);
      if (expiresMs - nowMs > MAX_SLEEP_MS) return endWithError(actx, runId, `waitForEvent timeout "${timeout}" is longer than 366 days`);
      // NOTE: the pause is written in the same transaction that records the op (§8 risk 4).
      await insertPendingStep(tx, runId, op, nowMs);
      await tx.$executeRawUnsafe(
        `INSERT INTO "InngestPause"(id, "runId", "hashedId", kind, "eventName", expr, "expiresAt")
         SELECT $1, $2, $3, 'WAIT', $4, $5, $6::timestamp WHERE NOT EXISTS (SELECT 1 FROM "InngestPause" WHERE "runId" = $2 AND "hashedId" = $3)`,
        newId(nowMs), runId, op.id, eventName, op.opts?.if ?? null, ts(expiresMs),
      );
      return;
    }
    case "InvokeFunction": {
      const childId = String(op.opts?.function_id ?? "");
      const child = actx.functions.get(childId);
      await insertPendingStep(tx, runId, op, nowMs);
      if (!child) {
        await resolveStep(actx, runId, op.id, { error: failure(`invoked function "${childId}" is not synced`) });
        return;
      }
      const timeout = op.opts?.timeout;
      const expiresMs = (timeout ? resolveTimeMs(timeout, nowMs) : undefined) ?? nowMs + ONE_YEAR_MS;
      const parentEvent = await tx.$queryRawUnsafe<{ event: RunEvent }[]>(`SELECT event FROM "InngestRun" WHERE id = $1`, runId);
      const event: RunEvent = {
        name: "inngest/function.invoked",
        data: {
          ...(op.opts?.payload?.data ?? {}),
          _inngest: { fn_id: childId, source_fn_id: fn.id, source_app_id: fn.id.split("-")[0], correlation_id: `${runId}.${op.id}` },
        },
        id: newId(nowMs),
        ts: nowMs,
        user: (parentEvent[0]?.event.user as Record<string, unknown> | undefined) ?? {},
      };
      const childRunId = await createRun(actx, { fn: child, event, parent: { runId, hashedId: op.id } });
      if (!childRunId) {
        await resolveStep(actx, runId, op.id, { error: failure(`invoked function "${childId}" was skipped by its idempotency key`) });
        return;
      }
      await tx.$executeRawUnsafe(
        `INSERT INTO "InngestPause"(id, "runId", "hashedId", kind, "childRunId", "expiresAt") VALUES ($1, $2, $3, 'INVOKE', $4, $5::timestamp)`,
        newId(nowMs), runId, op.id, childRunId, ts(expiresMs),
      );
      return;
    }
    case "RunComplete":
      await finalizeRun(actx, runId, { status: "COMPLETED", output: op.data ?? null });
      return "ended";
    case "DiscoveryRequest":
      // NOTE: the SDK asks to be called again (the spec's maxRuntime answer; 4.24.0 sends StepPlanned in
      // async mode): the discovery queued after the ops does exactly that.
      return;
    default:
      return endWithError(
        actx,
        runId,
        UNSUPPORTED_OPS.has(op.op) ? `unsupported in embedded executor: ${op.op}` : `unsupported in embedded executor: unknown op "${op.op}"`,
      );
  }
};

const endWithError = async (ctx: Ctx, runId: string, message: string): Promise<"ended"> => {
  await finalizeRun(ctx, runId, { status: "FAILED", error: failure(message) });
  return "ended";
};

export type ApplyResult = { continuation?: ClaimedJob };

/**
 * The hot path — a sequential run whose step ran inline — applied in ONE statement instead of a
 * transaction: fenced job delete, memo, stack append, the next discovery (leased to this worker) and the
 * status. A single statement is atomic on its own.
 * NOTE: only for runs that never went parallel: their other work cannot settle concurrently, so the
 * statement-level snapshot used by the idle check is exact. Parallel runs take the locked path.
 */
const applyInlineStepRun = async (actx: ApplyContext, job: ClaimedJob, op: Op, startedMs: number, known?: KnownRunState): Promise<ApplyResult> => {
  const nowMs = actx.clock.now();
  const claimToken = newClaimToken();
  const rows = await hotQuery<{ jobId: string | null; isMemoised: boolean }>(actx.db, { name: "hl_inline_step_run", text:
    `WITH del AS (DELETE FROM "InngestJob" WHERE id = $1 AND "claimToken" = $11 RETURNING "runId"),
     run AS (SELECT id FROM "InngestRun" WHERE id = $3 AND "endedAt" IS NULL AND EXISTS (SELECT 1 FROM del)),
     step AS (
       INSERT INTO "InngestStep"("runId", "hashedId", op, name, memo, attempts, "startedAt", "completedAt")
       SELECT $3, $4, 'StepRun', $5, jsonb_build_object('v', $6::jsonb), 1, $7::timestamp, $8::timestamp FROM run
       ON CONFLICT ("runId", "hashedId") DO UPDATE SET op = EXCLUDED.op, name = COALESCE(EXCLUDED.name, "InngestStep".name),
         memo = EXCLUDED.memo, attempts = "InngestStep".attempts + 1,
         "startedAt" = COALESCE("InngestStep"."startedAt", EXCLUDED."startedAt"), "completedAt" = EXCLUDED."completedAt"
       WHERE "InngestStep".memo IS NULL
       RETURNING 1
     ),
     ins AS (
       INSERT INTO "InngestJob"(id, "runId", kind, "stepId", attempt, "runAt", "lockedUntil", "lockedBy", "claimToken")
       SELECT $9, $3, 'CALL', 'step', 0, $8::timestamp, $10::timestamp, $2, $12 FROM run
       WHERE NOT EXISTS (SELECT 1 FROM "InngestStep" WHERE "runId" = $3 AND memo IS NULL AND "hashedId" <> $4)
         AND NOT EXISTS (SELECT 1 FROM "InngestJob" WHERE "runId" = $3 AND id <> $1)
       RETURNING id
     )
     UPDATE "InngestRun" SET
       stack = CASE WHEN EXISTS (SELECT 1 FROM step) THEN stack || jsonb_build_array($4::text) ELSE stack END,
       status = CASE WHEN EXISTS (SELECT 1 FROM ins) OR EXISTS (SELECT 1 FROM "InngestJob" WHERE "runId" = $3 AND kind = 'CALL' AND id <> $1)
         THEN 'RUNNING' ELSE 'WAITING' END
     WHERE id = $3 AND EXISTS (SELECT 1 FROM run)
     RETURNING (SELECT id FROM ins) AS "jobId", EXISTS (SELECT 1 FROM step) AS "isMemoised"` },
    job.id, actx.workerId, job.runId, op.id, op.displayName ?? op.name ?? null, json({ data: op.data ?? null }),
    ts(startedMs), ts(nowMs), newId(nowMs), ts(nowMs + actx.leaseMs), job.claimToken, claimToken,
  );
  const jobId = rows[0]?.jobId;
  if (!jobId) return {};
  // NOTE: the next call can reuse the state we just wrote, unless an earlier delivery had memoised it.
  const next =
    known && rows[0]?.isMemoised
      ? { ...known, stack: [...known.stack, op.id], memos: { ...known.memos, [op.id]: { data: op.data ?? null } } }
      : undefined;
  return { continuation: { id: jobId, runId: job.runId, kind: "CALL", stepId: "step", attempt: 0, claimToken, known: next } };
};

const FINISHED_EVENT = "inngest/function.finished";

/**
 * The completion hot path — a run whose last reply is its result — in ONE statement instead of a
 * transaction: fenced job delete, the memos of the steps the reply still carries (the unflushed tail of a
 * checkpointed request, `[StepRun…, RunComplete]`), the run's result, its remaining jobs and pauses, and the
 * `inngest/function.finished` lifecycle event stored as `ingest` would store it. Only when that event has
 * nothing to do beyond being stored: no function is triggered by it (checked here, from the synced
 * functions) and, checked in the statement, the run has no parent to resume and no live wait or cancel
 * pause listens for it. Otherwise nothing is written and "fallback" sends the caller to the transaction.
 */
const completeInOneStatement = async (actx: ApplyContext, job: ClaimedJob, output: unknown, tail: Op[], startedMs: number): Promise<"done" | "fallback"> => {
  for (const fn of actx.functions.values()) {
    if (fn.triggers.some((trigger) => "event" in trigger && matchesEventName(trigger.event, FINISHED_EVENT))) return "fallback";
  }
  const nowMs = actx.clock.now();
  const rows = await hotQuery<{ isSimple: boolean }>(actx.db, { name: "hl_complete_run", text:
    `WITH simple AS (
       SELECT 1 FROM "InngestRun" WHERE id = $3 AND "endedAt" IS NULL AND "parentRunId" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "InngestPause" WHERE "eventName" = $7 AND kind IN ('WAIT', 'CANCEL') AND "expiresAt" > $5::timestamp)
     ),
     del AS (DELETE FROM "InngestJob" WHERE id = $1 AND "claimToken" = $2 AND EXISTS (SELECT 1 FROM simple) RETURNING id),
     op AS (SELECT * FROM jsonb_to_recordset($9::jsonb) AS o(i int, id text, name text, memo jsonb)),
     -- NOTE: the tail's ids not memoised yet (by an earlier delivery), read in the statement's snapshot:
     -- the run's row is updated once, so the stack cannot come from the step insert's RETURNING.
     fresh AS (
       SELECT op.* FROM op WHERE NOT EXISTS (SELECT 1 FROM "InngestStep" s WHERE s."runId" = $3 AND s."hashedId" = op.id AND s.memo IS NOT NULL)
     ),
     run AS (
       UPDATE "InngestRun" SET status = 'COMPLETED', output = $4::jsonb, error = NULL, "endedAt" = $5::timestamp,
         stack = stack || COALESCE((SELECT jsonb_agg(id ORDER BY i) FROM fresh), '[]'::jsonb)
       WHERE id = $3 AND "endedAt" IS NULL AND EXISTS (SELECT 1 FROM del)
       RETURNING "functionId", event, events
     ),
     jobs AS (DELETE FROM "InngestJob" WHERE "runId" = $3 AND EXISTS (SELECT 1 FROM run)),
     pauses AS (DELETE FROM "InngestPause" WHERE "runId" = $3 AND EXISTS (SELECT 1 FROM run)),
     step AS (
       INSERT INTO "InngestStep"("runId", "hashedId", op, name, memo, attempts, "startedAt", "completedAt")
       SELECT $3, fresh.id, 'StepRun', fresh.name, jsonb_build_object('v', fresh.memo), 1, $10::timestamp, $5::timestamp
       FROM fresh WHERE EXISTS (SELECT 1 FROM run)
       ON CONFLICT ("runId", "hashedId") DO UPDATE SET op = EXCLUDED.op, name = COALESCE(EXCLUDED.name, "InngestStep".name),
         memo = EXCLUDED.memo, attempts = "InngestStep".attempts + 1,
         "startedAt" = COALESCE("InngestStep"."startedAt", EXCLUDED."startedAt"), "completedAt" = EXCLUDED."completedAt"
       WHERE "InngestStep".memo IS NULL
     ),
     ev AS (
       INSERT INTO "InngestEvent"(id, "externalId", name, data, "user", ts, "receivedAt")
       SELECT $6, NULL, $7, jsonb_build_object('function_id', "functionId", 'run_id', $3::text, 'event', event, 'events', events, 'result', $4::jsonb),
         '{}'::jsonb, $8, $5::timestamp
       FROM run
     )
     SELECT EXISTS (SELECT 1 FROM simple) AS "isSimple"` },
    job.id, job.claimToken, job.runId, json(output), ts(nowMs), newId(nowMs), FINISHED_EVENT, BigInt(nowMs),
    json(tail.map((op, i) => ({ i, id: op.id, name: op.displayName ?? op.name ?? null, memo: { data: op.data ?? null } }))), ts(startedMs),
  );
  return rows[0]?.isSimple ? "done" : "fallback";
};

/**
 * The run's result when the reply ends it: a 200, or a 206 whose last op is RunComplete after nothing but
 * StepRuns (the steps a checkpointed request had not flushed yet, `bufferedSteps` > 1).
 */
const completionOf = (verdict: Verdict): { output: unknown; tail: Op[] } | undefined => {
  if (verdict.type === "complete") return { output: verdict.output ?? null, tail: [] };
  if (verdict.type !== "ops") return undefined;
  const last = verdict.ops.at(-1);
  const tail = verdict.ops.slice(0, -1);
  if (last?.op !== "RunComplete" || tail.some((op) => op.op !== "StepRun")) return undefined;
  // NOTE: a repeated id (never sent by the SDK) would make one statement upsert the same row twice.
  if (new Set(tail.map((op) => op.id)).size !== tail.length) return undefined;
  return { output: last.data ?? null, tail };
};

/**
 * Applies a verdict for a CALL job in one transaction fenced by the job delete (§5.8). Nothing is written
 * when this claim no longer holds the job (claimed again, or the run ended). A discovery queued after a
 * CALL is handed back as a continuation already leased to this worker under a fresh claim token, which
 * saves a claim round trip on the hot path.
 */
export const applyVerdict = async (
  actx: ApplyContext,
  job: ClaimedJob,
  fn: FunctionConfig,
  maxAttempts: number,
  verdict: Verdict,
  startedMs: number,
  sequential?: { known: KnownRunState },
): Promise<ApplyResult> => {
  if (sequential && verdict.type === "ops" && verdict.ops.length === 1 && verdict.ops[0]!.op === "StepRun") {
    return applyInlineStepRun(actx, job, verdict.ops[0]!, startedMs, sequential.known);
  }
  const completion = completionOf(verdict);
  if (completion && (await completeInOneStatement(actx, job, completion.output, completion.tail, startedMs)) === "done") return {};
  return inTransaction(actx.db, async (tx) => {
    const ctx = { ...actx, db: tx };
    const nowMs = ctx.clock.now();
    const retryAt = (retryAfter: string | null) =>
      parseRetryAfterMs(retryAfter, nowMs) ?? nowMs + backoffDelayMs(ctx.backoff, job.attempt, ctx.random);

    const stepError = verdict.type === "ops" ? verdict.ops.find((op) => op.op === "StepError" || op.op === "StepNotFound") : undefined;
    const isRetry = verdict.type === "retry" || stepError !== undefined;
    if (isRetry && job.attempt + 1 < maxAttempts) {
      const retryAfter = verdict.type === "complete" || verdict.type === "fail" ? null : verdict.retryAfter;
      if (!(await requeueFenced(tx, job, retryAt(retryAfter)))) return {};
      if (!(await lockRun(tx, job.runId))) return {};
      const error = stepError?.error ?? (verdict.type === "retry" ? verdict.error : failure("step error"));
      const hashedId = stepError?.id ?? (job.stepId === "step" ? undefined : job.stepId);
      if (hashedId) await recordStepAttempt(tx, job.runId, hashedId, stepError?.displayName ?? stepError?.name ?? hashedId, error, startedMs);
      return {};
    }

    const fence = await deleteFencedAndLock(tx, job);
    if (fence !== "active") return {};

    if (verdict.type === "complete") {
      await finalizeRun(ctx, job.runId, { status: "COMPLETED", output: verdict.output });
      return {};
    }
    if (verdict.type === "fail" || verdict.type === "retry" || stepError) {
      const error = verdict.type === "fail" || verdict.type === "retry" ? verdict.error : (stepError?.error ?? failure("step error"));
      await finalizeRun(ctx, job.runId, { status: "FAILED", error });
      return {};
    }

    for (const op of verdict.ops) {
      if ((await applyOp(ctx, job.runId, fn, op, startedMs)) === "ended") return {};
    }
    // NOTE: [StepRun…, RunComplete] or [StepRun…, Sleep] is the normal end of a checkpointed request, not
    // parallelism; only two or more pending ops are (workflow-checkpointing.md §5.5 item 2).
    if (verdict.ops.filter((op) => PLAN_OR_ASYNC_OPS.has(op.op)).length > 1) {
      await tx.$executeRawUnsafe(`UPDATE "InngestRun" SET "disableImmediate" = true WHERE id = $1 AND NOT "disableImmediate"`, job.runId);
    }
    const continuation: Continuation = { workerId: ctx.workerId, leaseMs: ctx.leaseMs, claimToken: newClaimToken() };
    const jobId = await queueDiscoveryIfIdle(ctx, job.runId, continuation);
    return jobId ? { continuation: { id: jobId, runId: job.runId, kind: "CALL", stepId: "step", attempt: 0, claimToken: continuation.claimToken } } : {};
  });
};

/** A WAKE job needs no SDK call: the sleep's memo is null (§5.7). */
export const applyWake = async (actx: ApplyContext, job: ClaimedJob) =>
  inTransaction(actx.db, async (tx) => {
    if (!(await deleteFenced(tx, job))) return;
    await resolveStep({ ...actx, db: tx }, job.runId, job.stepId, null);
  });

/** Ends a run whose CALL cannot even be attempted (function gone, run ended), fenced by the job delete. */
export const failJob = async (actx: ApplyContext, job: ClaimedJob, message: string) =>
  inTransaction(actx.db, async (tx) => {
    if (!(await deleteFenced(tx, job))) return;
    await finalizeRun({ ...actx, db: tx }, job.runId, { status: "FAILED", error: failure(message) });
  });
