import Link from "next/link";
import { type Column, DataTable } from "@/components/ui/data-table";
import { durationBetween, formatDateTime, formatDuration } from "./format";
import { RunStatusBadge } from "./run-status-badge";
import type { TRunSummary } from "./types";

const COLUMNS: Column<TRunSummary>[] = [
  {
    header: "Function",
    cell: (run) => (
      <div className="min-w-48">
        <Link href={`/admin/queue/runs/${run.id}`} className="font-medium text-brand-700 hover:underline">
          {run.functionName ?? run.functionId}
        </Link>
        <span className="block font-mono text-xs text-slate-500">{run.id}</span>
      </div>
    ),
  },
  { header: "Trigger event", cell: (run) => <span className="font-mono text-xs break-all">{run.eventName}</span> },
  { header: "Status", cell: (run) => <RunStatusBadge status={run.displayStatus} /> },
  { header: "Started", cell: (run) => <span className="whitespace-nowrap">{formatDateTime(run.createdAt)}</span> },
  {
    header: "Ended",
    cell: (run) =>
      run.endedAt ? (
        <span className="whitespace-nowrap">
          {formatDateTime(run.endedAt)}
          <span className="block text-xs text-slate-500">took {formatDuration(durationBetween(run.createdAt, run.endedAt))}</span>
        </span>
      ) : (
        "—"
      ),
  },
  { header: "Next wake-up", cell: (run) => <span className="whitespace-nowrap">{formatDateTime(run.nextWakeAt)}</span> },
];

export const RunsTable = ({ runs }: { runs: TRunSummary[] }) => (
  <DataTable caption="Workflow runs, newest first" columns={COLUMNS} rows={runs} rowKey={(run) => run.id} />
);
