import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { ErrorBlock } from "./error-block";
import { formatDateTime, formatDuration } from "./format";
import { JsonBlock } from "./json-block";
import { StepStatusBadge } from "./run-status-badge";
import type { TRunJob, TRunStep } from "./types";

const StepResult = ({ step }: { step: TRunStep }) => {
  if (!step.result) return null;
  if (step.result.kind === "error") return <ErrorBlock error={step.result.error} />;
  // NOTE: a sleep memoises null; an empty "Output: null" block would only add noise.
  if (step.result.kind === "raw" && step.result.value === null) {
    return step.op === "WaitForEvent" ? <p className="text-sm text-slate-600">Timed out without a matching event.</p> : null;
  }
  return <JsonBlock value={step.result.value} label={`${step.result.kind === "data" ? "Output" : "Result"} of ${step.name}`} />;
};

const PendingNote = ({ step, isRunEnded }: { step: TRunStep; isRunEnded: boolean }) => {
  if (step.status !== "pending" && step.status !== "retrying") return null;
  if (isRunEnded) return <p className="text-sm text-slate-600">Never finished: the run ended first.</p>;
  return (
    <p className="text-sm text-slate-600">
      {step.status === "retrying" && <>Next attempt {formatDateTime(step.dueAt)}.</>}
      {step.status === "pending" && step.op === "Sleep" && <>Wakes up {formatDateTime(step.dueAt)}.</>}
      {step.status === "pending" && step.waitingForEvent && (
        <>
          Waiting for <code className="font-mono text-xs">{step.waitingForEvent}</code> until {formatDateTime(step.dueAt)}.
        </>
      )}
      {step.status === "pending" && step.childRunId && (
        <>
          Waiting for{" "}
          <Link href={`/admin/queue/runs/${step.childRunId}`} className="text-brand-700 hover:underline">
            the invoked run
          </Link>{" "}
          until {formatDateTime(step.dueAt)}.
        </>
      )}
      {step.status === "pending" && step.op === "StepPlanned" && <>Planned; runs when a worker picks it up.</>}
    </p>
  );
};

const DOT_TONES: Record<TRunStep["status"], string> = {
  completed: "bg-emerald-500",
  failed: "bg-red-500",
  retrying: "bg-amber-500",
  pending: "border-2 border-slate-400 bg-white",
};

/** Steps in the order they finished, then the ones still pending: what the run did and what it waits for. */
export const StepTimeline = ({ steps, isRunEnded }: { steps: TRunStep[]; isRunEnded: boolean }) => {
  if (steps.length === 0) {
    return <p className="text-sm text-slate-600">No steps yet. The function has not been called, or it returned without using steps.</p>;
  }
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-5">
      {steps.map((step, index) => (
        <li key={step.hashedId} className="relative">
          <span aria-hidden className={cn("absolute -left-[1.72rem] top-1.5 size-3 rounded-full ring-2 ring-white", DOT_TONES[step.status])} />
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h3 className="font-medium text-slate-900">
              <span className="sr-only">Step {index + 1}: </span>
              {step.name}
            </h3>
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{step.opLabel}</span>
            <StepStatusBadge status={step.status} />
          </div>
          <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
            {/* NOTE: only step.run code is attempted; sleeps, waits and invokes are resolved by the executor. */}
            {step.opLabel === "Step" && (
              <div>
                <dt className="inline">Attempts: </dt>
                <dd className="inline tabular-nums">{step.attempts}</dd>
              </div>
            )}
            <div>
              <dt className="inline">Started: </dt>
              <dd className="inline">{formatDateTime(step.startedAt)}</dd>
            </div>
            {step.completedAt && (
              <div>
                <dt className="inline">Duration: </dt>
                <dd className="inline">{formatDuration(step.durationMs)}</dd>
              </div>
            )}
          </dl>
          <div className="mt-2 space-y-2">
            <PendingNote step={step} isRunEnded={isRunEnded} />
            <StepResult step={step} />
            {step.lastError && step.result?.kind !== "error" && (
              <div>
                <p className="mb-1 text-xs font-medium text-slate-600">{step.status === "retrying" ? "Last failed attempt" : "An earlier attempt failed"}</p>
                <ErrorBlock error={step.lastError} />
              </div>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
};

const jobLabel = (job: TRunJob) => {
  if (job.kind === "WAKE") return `Wake-up after "${job.stepName ?? "sleep"}"`;
  const what = job.stepName ? `Step call "${job.stepName}"` : "Call to discover the next step";
  return job.attempt > 0 ? `${what}, retry ${job.attempt}` : what;
};

/** Work the executor holds for this run and when it is due. */
export const ScheduledJobs = ({ jobs }: { jobs: TRunJob[] }) => (
  <ul className="space-y-1 text-sm">
    {jobs.map((job, index) => (
      <li key={index} className="flex flex-wrap justify-between gap-x-4">
        <span>{jobLabel(job)}</span>
        <span className="text-slate-600">{job.isInFlight ? "Running now" : `Due ${formatDateTime(job.runAt)}`}</span>
      </li>
    ))}
  </ul>
);
