import "server-only";
import { systemClock, type Clock } from "@/server/clock";
import { db as defaultDb, type DbClient } from "@/server/db";
import type { ClaimedJob } from "./queue";
import { hotQuery, json, ts, type HotStatement } from "./sql";

/** A step the checkpoint route stored during the call, in the order the SDK reported it. */
export type CheckpointedStep = { id: string; memo: { data: unknown } };

/**
 * What the checkpoint route needs from the call that triggered it (workflow-checkpointing.md §5.4), and
 * what it tells the executor afterwards: the steps it stored (so the cached run state stays complete) and
 * whether it fenced the call out (so the SDK's StaleDispatchError reply is dropped, not applied).
 */
export type CheckpointScope = {
  db: DbClient;
  clock: Clock;
  leaseMs: number;
  /** When the step being reported started: the call's start, then each accepted checkpoint. */
  sinceMs: number;
  accepted: CheckpointedStep[];
  refused: boolean;
};

export const newCheckpointScope = (db: DbClient, clock: Clock, leaseMs: number): CheckpointScope => ({
  db, clock, leaseMs, sinceMs: clock.now(), accepted: [], refused: false,
});

/** `ctx.qi_id`: the job and the claim it was sent under; the SDK echoes it verbatim in every checkpoint. */
export const queueItemId = (job: Pick<ClaimedJob, "id" | "claimToken">) => `${job.id}:${job.claimToken}`;

const parseQueueItemId = (value: unknown) => {
  if (typeof value !== "string") return undefined;
  const at = value.indexOf(":");
  return at > 0 ? { jobId: value.slice(0, at), claimToken: value.slice(at + 1) } : undefined;
};

type CheckpointOp = { op?: unknown; id?: unknown; name?: unknown; displayName?: unknown; data?: unknown };

const reply = (status: number, body?: unknown) =>
  body === undefined ? new Response(null, { status }) : Response.json(body, { status });

/**
 * Fence, memos, stack and lease in ONE statement: nothing is stored and the lease is not extended unless
 * this claim (job id + claim token) still holds the job and the run has not ended. Memos are inserted
 * idempotently (a repeated checkpoint, or a step an earlier delivery stored, changes nothing) and only the
 * newly stored ids are appended to the stack, in the order reported.
 */
const CHECKPOINT: HotStatement = {
  name: "hl_checkpoint",
  text: `WITH job AS (
     UPDATE "InngestJob" SET "lockedUntil" = $4::timestamp
     WHERE id = $2 AND "claimToken" = $3 AND "runId" = $1
       AND EXISTS (SELECT 1 FROM "InngestRun" WHERE id = $1 AND "endedAt" IS NULL)
     RETURNING id
   ),
   op AS (SELECT * FROM jsonb_to_recordset($5::jsonb) AS o(i int, id text, name text, memo jsonb)),
   step AS (
     INSERT INTO "InngestStep"("runId", "hashedId", op, name, memo, attempts, "startedAt", "completedAt")
     SELECT $1, op.id, 'StepRun', op.name, jsonb_build_object('v', op.memo), 1, $6::timestamp, $7::timestamp
     FROM op WHERE EXISTS (SELECT 1 FROM job)
     ON CONFLICT ("runId", "hashedId") DO UPDATE SET op = EXCLUDED.op, name = COALESCE(EXCLUDED.name, "InngestStep".name),
       memo = EXCLUDED.memo, attempts = "InngestStep".attempts + 1,
       "startedAt" = COALESCE("InngestStep"."startedAt", EXCLUDED."startedAt"), "completedAt" = EXCLUDED."completedAt"
     WHERE "InngestStep".memo IS NULL
     RETURNING "hashedId"
   ),
   run AS (
     UPDATE "InngestRun" SET stack = stack || (SELECT jsonb_agg(op.id ORDER BY op.i) FROM op JOIN step ON step."hashedId" = op.id)
     WHERE id = $1 AND EXISTS (SELECT 1 FROM step)
   )
   SELECT EXISTS (SELECT 1 FROM job) AS held, COALESCE((SELECT jsonb_agg("hashedId") FROM step), '[]'::jsonb) AS stored`,
};

/**
 * `POST /v1/checkpoint/{runId}/async` (workflow-checkpointing.md §3.2, §5.4), served in-process by
 * `embeddedFetch`. 200 when the fence held; 409 when it did not (the job was re-claimed or deleted, the run
 * ended): the SDK then runs no further step and answers StaleDispatchError; 400 for a body the SDK never
 * sends; 500 on a database failure, which the SDK retries and then falls back to returning the step.
 */
export const handleCheckpoint = async (runId: string, text: string, scope?: CheckpointScope): Promise<Response> => {
  // NOTE: every SDK call the executor makes carries a scope; without one (a call made outside the
  // executor) the fence in SQL still decides, on the app's database.
  const { db, clock, leaseMs } = scope ?? { db: defaultDb, clock: systemClock, leaseMs: 60_000 };
  let body: { run_id?: unknown; qi_id?: unknown; steps?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return reply(400, { error: "The checkpoint body is not valid JSON" });
  }
  const queueItem = parseQueueItemId(body.qi_id);
  if (body.run_id !== runId || !queueItem || !Array.isArray(body.steps)) {
    return reply(400, { error: "A checkpoint needs run_id (equal to the path's), qi_id and steps[]" });
  }
  const ops = body.steps as CheckpointOp[];
  // NOTE: only what the Go server accepts on this route; StepPlanned only marks a step as running there.
  const refused = ops.find((op) => op.op !== "StepRun" && op.op !== "StepPlanned");
  if (refused) return reply(400, { error: `cannot checkpoint opcode ${String(refused.op)}` });
  // NOTE: read only the public fields: the SDK also sends its internal FoundStep fields, never stored.
  const steps = ops
    .filter((op) => op.op === "StepRun" && typeof op.id === "string")
    .filter((op, index, all) => all.findIndex((other) => other.id === op.id) === index)
    .map((op, i) => ({
      i,
      id: op.id as string,
      name: typeof op.displayName === "string" ? op.displayName : typeof op.name === "string" ? op.name : null,
      memo: { data: op.data ?? null },
    }));
  const nowMs = clock.now();
  let rows: { held: boolean; stored: string[] }[];
  try {
    rows = await hotQuery(
      db, CHECKPOINT,
      runId, queueItem.jobId, queueItem.claimToken, ts(nowMs + leaseMs), json(steps), ts(scope?.sinceMs ?? nowMs), ts(nowMs),
    );
  } catch (error) {
    console.error(`[workflows] run ${runId}: could not store a checkpoint (the SDK retries it):`, error);
    return reply(500, { error: "The checkpoint could not be stored" });
  }
  if (!rows[0]?.held) {
    if (scope) scope.refused = true;
    return reply(409, { error: "Stale dispatch: this call no longer holds its job, or the run has ended" });
  }
  if (scope) {
    const stored = new Set(rows[0].stored);
    for (const step of steps) if (stored.has(step.id)) scope.accepted.push({ id: step.id, memo: step.memo });
    scope.sinceMs = nowMs;
  }
  return reply(200);
};
