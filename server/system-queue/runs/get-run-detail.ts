import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import type { TRunDisplayStatus } from "../system-queue.schemas";
import type { TQueueRunSummary } from "./list-runs";
import { DISPLAY_STATUS_SQL, nextWakeAtSql } from "./run-status-sql";
import { parseStepMemo, stepOpLabel, stepStatusOf, toQueueError, type TQueueError, type TStepResult, type TStepStatus } from "./step-view";

export type TQueueRunStep = {
  hashedId: string;
  /** The step id the function author wrote ("ensure-remote-account"); the hash when the SDK sent none. */
  name: string;
  op: string;
  opLabel: string;
  status: TStepStatus;
  attempts: number;
  startedAt: Date | null;
  completedAt: Date | null;
  durationMs: number | null;
  result: TStepResult | null;
  /** The last retriable failure; kept after a later success so staff can see what was retried. */
  lastError: TQueueError | null;
  /** For a pending step: when its wake-up, retry or wait timeout is due. */
  dueAt: Date | null;
  /** For a pending step.waitForEvent: the event it waits for. */
  waitingForEvent: string | null;
  /** For a pending step.invoke: the child run. */
  childRunId: string | null;
};

/** Work the executor holds for the run: a discovery call, a step call (maybe a retry), or a sleep's wake-up. */
export type TQueueRunJob = {
  kind: "CALL" | "WAKE";
  /** The step it is for; null for a discovery call (which asks the function what to do next). */
  stepName: string | null;
  attempt: number;
  runAt: Date;
  /** A worker holds the job right now. */
  isInFlight: boolean;
};

export type TQueueRunDetail = TQueueRunSummary & {
  /** The trigger event exactly as the function received it. */
  event: unknown;
  output: unknown;
  error: TQueueError | null;
  parentRunId: string | null;
  children: { id: string; functionId: string; status: string }[];
  steps: TQueueRunStep[];
  jobs: TQueueRunJob[];
  // Which staff actions are valid right now; the actions re-check under a lock, so these only drive the UI.
  canRetry: boolean;
  canCancel: boolean;
  canRunNow: boolean;
};

const isJobLeased = (job: { lockedBy: string | null; lockedUntil: Date | null }, now: Date) =>
  job.lockedBy !== null && job.lockedUntil !== null && job.lockedUntil > now;

/** One run with its steps in completion order, then the pending ones; null for an unknown id. */
export const getRunDetail = async ({ runId, now }: { runId: string; now: Date }, client: DbClient = db): Promise<TQueueRunDetail | null> => {
  const run = await client.inngestRun.findUnique({
    where: { id: runId },
    select: {
      id: true, functionId: true, status: true, eventName: true, event: true, stack: true, output: true, error: true,
      parentRunId: true, createdAt: true, endedAt: true,
    },
  });
  if (!run) return null;

  const [derived, fn, steps, jobs, pauses, children] = await Promise.all([
    client.$queryRaw<{ displayStatus: TRunDisplayStatus; nextWakeAt: Date | null }[]>(Prisma.sql`
      SELECT (${DISPLAY_STATUS_SQL}) AS "displayStatus", ${nextWakeAtSql(now)} AS "nextWakeAt" FROM "InngestRun" r WHERE r.id = ${runId}`),
    client.inngestFunction.findUnique({ where: { id: run.functionId }, select: { name: true } }),
    client.inngestStep.findMany({
      where: { runId },
      select: { hashedId: true, op: true, name: true, memo: true, attempts: true, lastError: true, startedAt: true, completedAt: true },
    }),
    client.inngestJob.findMany({
      where: { runId },
      orderBy: { runAt: "asc" },
      select: { kind: true, stepId: true, attempt: true, runAt: true, lockedBy: true, lockedUntil: true },
    }),
    client.inngestPause.findMany({ where: { runId }, select: { kind: true, hashedId: true, eventName: true, childRunId: true, expiresAt: true } }),
    client.inngestRun.findMany({ where: { parentRunId: runId }, orderBy: { id: "asc" }, select: { id: true, functionId: true, status: true } }),
  ]);

  const stack = Array.isArray(run.stack) ? run.stack.filter((id): id is string => typeof id === "string") : [];
  const stackIndex = new Map(stack.map((hashedId, index) => [hashedId, index]));
  const nameOf = new Map(steps.map((step) => [step.hashedId, step.name ?? step.hashedId]));
  const ordered = [...steps].sort((a, b) => {
    const byStack = (stackIndex.get(a.hashedId) ?? Number.MAX_SAFE_INTEGER) - (stackIndex.get(b.hashedId) ?? Number.MAX_SAFE_INTEGER);
    if (byStack !== 0) return byStack;
    return (a.startedAt?.getTime() ?? 0) - (b.startedAt?.getTime() ?? 0) || a.hashedId.localeCompare(b.hashedId);
  });

  const isEnded = run.endedAt !== null;
  const isRunNowable = jobs.some(
    (job) => (job.kind === "WAKE" || (job.kind === "CALL" && job.attempt > 0)) && job.lockedBy === null && job.runAt > now,
  );

  return {
    id: run.id,
    functionId: run.functionId,
    functionName: fn?.name ?? null,
    eventName: run.eventName,
    displayStatus: derived[0]?.displayStatus ?? (run.status as TRunDisplayStatus),
    createdAt: run.createdAt,
    endedAt: run.endedAt,
    nextWakeAt: derived[0]?.nextWakeAt ?? null,
    event: run.event,
    output: run.output,
    error: run.error === null ? null : toQueueError(run.error),
    parentRunId: run.parentRunId,
    children,
    steps: ordered.map((step) => {
      const result = parseStepMemo(step.memo);
      const isPending = result === null;
      const status = stepStatusOf({ result, lastError: step.lastError });
      // NOTE: a step the SDK ran inside a discovery call is retried by re-sending that discovery
      // (stepId "step"), so its backoff lives on the discovery job, not on a job named after the step.
      const job =
        jobs.find((candidate) => candidate.stepId === step.hashedId) ??
        (status === "retrying" ? jobs.find((candidate) => candidate.stepId === "step" && candidate.attempt > 0) : undefined);
      const pause = pauses.find((candidate) => candidate.hashedId === step.hashedId);
      return {
        hashedId: step.hashedId,
        name: step.name ?? step.hashedId,
        op: step.op,
        opLabel: stepOpLabel(step.op),
        status,
        attempts: step.attempts,
        startedAt: step.startedAt,
        completedAt: step.completedAt,
        durationMs: step.startedAt && step.completedAt ? step.completedAt.getTime() - step.startedAt.getTime() : null,
        result,
        lastError: step.lastError === null ? null : toQueueError(step.lastError),
        dueAt: isPending ? (job?.runAt ?? pause?.expiresAt ?? null) : null,
        waitingForEvent: isPending && pause?.kind === "WAIT" ? pause.eventName : null,
        childRunId: isPending && pause?.kind === "INVOKE" ? pause.childRunId : null,
      };
    }),
    jobs: jobs.map((job) => ({
      kind: job.kind === "WAKE" ? "WAKE" : "CALL",
      stepName: job.stepId === "step" ? null : (nameOf.get(job.stepId) ?? job.stepId),
      attempt: job.attempt,
      runAt: job.runAt,
      isInFlight: isJobLeased(job, now),
    })),
    canRetry: isEnded && (run.status === "FAILED" || run.status === "CANCELLED"),
    canCancel: !isEnded,
    canRunNow: !isEnded && isRunNowable,
  };
};
