"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { useTRPC } from "@/lib/trpc/client";
import { ErrorBlock } from "./error-block";
import { durationBetween, formatDateTime, formatDuration } from "./format";
import { JsonBlock } from "./json-block";
import { LiveToggle } from "./live-toggle";
import { RunActions } from "./run-actions";
import { RunStatusBadge } from "./run-status-badge";
import { ScheduledJobs, StepTimeline } from "./step-timeline";
import { useLiveRefresh } from "./use-live-refresh";

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
    <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
  </div>
);

const RunLink = ({ runId, children }: { runId: string; children: ReactNode }) => (
  <Link href={`/admin/queue/runs/${runId}`} className="font-mono text-xs text-brand-700 hover:underline">
    {children}
  </Link>
);

/** One run: its facts, actions, result, step timeline, scheduled work and trigger event. Live while it is active. */
export const RunDetailView = ({ runId }: { runId: string }) => {
  const trpc = useTRPC();
  const { isLive, toggleLive, refetchInterval } = useLiveRefresh();
  const query = useQuery(
    trpc.systemQueue.getRun.queryOptions(
      { runId },
      // NOTE: an ended run no longer changes, so it stops polling whatever the switch says.
      { refetchInterval: (current) => (current.state.data?.endedAt ? false : refetchInterval) },
    ),
  );
  const run = query.data;

  if (!run) {
    return query.error ? <Alert tone="error">The run could not be loaded: {query.error.message}</Alert> : <p className="text-sm text-slate-600">Loading run…</p>;
  }

  const isEnded = run.endedAt !== null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/queue" className="text-brand-700 hover:underline">
          ← System Queue
        </Link>
      </p>
      <PageHeader
        title={run.functionName ?? run.functionId}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RunStatusBadge status={run.displayStatus} />
            <span className="font-mono text-xs">Run {run.id}</span>
          </span>
        }
        actions={isEnded ? undefined : <LiveToggle isLive={isLive} onToggle={toggleLive} isFetching={query.isFetching} />}
      />
      {query.error && <Alert tone="error">Live updates failed: {query.error.message}</Alert>}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Actions">
            {run.canRetry || run.canCancel || run.canRunNow ? (
              <RunActions run={run} />
            ) : (
              <p className="text-sm text-slate-600">
                {run.displayStatus === "COMPLETED" ? "This run completed; there is nothing to retry or cancel." : "No action is available for this run."}
              </p>
            )}
          </Card>

          {run.error && (
            <Card title="Error">
              <ErrorBlock error={run.error} />
            </Card>
          )}
          {run.displayStatus === "COMPLETED" && (
            <Card title="Output">
              <JsonBlock value={run.output} label="Run output" />
            </Card>
          )}

          <Card title="Steps">
            <StepTimeline steps={run.steps} isRunEnded={isEnded} />
          </Card>

          {run.jobs.length > 0 && (
            <Card title="Scheduled work">
              <ScheduledJobs jobs={run.jobs} />
            </Card>
          )}

          <Card title="Trigger event">
            <JsonBlock value={run.event} label="Trigger event payload" />
          </Card>
        </div>

        {/* NOTE: on narrow screens the facts come first; on wide ones they sit beside the timeline. */}
        <Card title="Details" className="order-first h-fit lg:order-none">
          <dl className="space-y-3">
            <Fact label="Function">
              {run.functionName ?? run.functionId}
              <span className="block font-mono text-xs text-slate-500">{run.functionId}</span>
            </Fact>
            <Fact label="Trigger event">
              <span className="font-mono text-xs">{run.eventName}</span>
            </Fact>
            <Fact label="Started">{formatDateTime(run.createdAt)}</Fact>
            <Fact label="Ended">{formatDateTime(run.endedAt)}</Fact>
            {isEnded && <Fact label="Duration">{formatDuration(durationBetween(run.createdAt, run.endedAt))}</Fact>}
            {!isEnded && <Fact label="Next wake-up">{formatDateTime(run.nextWakeAt)}</Fact>}
            {run.parentRunId && (
              <Fact label="Invoked by">
                <RunLink runId={run.parentRunId}>{run.parentRunId}</RunLink>
              </Fact>
            )}
            {run.children.length > 0 && (
              <Fact label="Invoked runs">
                <ul className="space-y-1">
                  {run.children.map((child) => (
                    <li key={child.id}>
                      <RunLink runId={child.id}>{child.id}</RunLink>
                      <span className="ml-2 text-xs text-slate-500">{child.functionId}</span>
                    </li>
                  ))}
                </ul>
              </Fact>
            )}
          </dl>
        </Card>
      </div>
    </>
  );
};
