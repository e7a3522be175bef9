"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/client";
import { formatDateTimeCompact } from "./format";
import { RunScheduleNowButton } from "./run-schedule-now-button";
import type { TSchedule } from "./types";

const COLUMNS: Column<TSchedule>[] = [
  {
    header: "Function",
    cell: (schedule) => (
      <>
        <span className="font-medium">{schedule.functionName ?? schedule.functionId}</span>
        <span className="block font-mono text-xs text-slate-500">{schedule.functionId}</span>
      </>
    ),
  },
  { header: "Schedule", cell: (schedule) => <code className="whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{schedule.expr}</code> },
  { header: "Next run (UTC)", cell: (schedule) => <span className="whitespace-nowrap tabular-nums">{formatDateTimeCompact(schedule.nextAt)}</span> },
  {
    header: "Actions",
    cell: (schedule) => <RunScheduleNowButton functionId={schedule.functionId} functionName={schedule.functionName ?? schedule.functionId} />,
  },
];

/** Cron-triggered workflows and when each fires next; the embedded executor needs no operator cron line. */
export const SchedulesCard = ({ refetchInterval }: { refetchInterval: number | false }) => {
  const trpc = useTRPC();
  const schedules = useQuery(trpc.systemQueue.listSchedules.queryOptions(undefined, { refetchInterval }));
  return (
    <Card title="Scheduled">
      {schedules.error && <Alert tone="error">The schedules could not be loaded: {schedules.error.message}</Alert>}
      {schedules.isPending && <p className="text-sm text-slate-600">Loading schedules…</p>}
      {schedules.data?.length === 0 && <EmptyState title="No scheduled workflows">Workflows with a cron trigger appear here after the app syncs them.</EmptyState>}
      {schedules.data && schedules.data.length > 0 && (
        <DataTable caption="Scheduled workflows, next run first" columns={COLUMNS} rows={schedules.data} rowKey={(schedule) => `${schedule.functionId} ${schedule.expr}`} />
      )}
    </Card>
  );
};
