import Link from "next/link";
import { Fragment } from "react";
import { type Column, DataTable } from "@/components/ui/data-table";
import { durationBetween, formatDateTimeCompact, formatDuration } from "./format";
import { RunStatusBadge } from "./run-status-badge";
import type { TRunSummary } from "./types";

/** Event names wrap only after "/", so "billing/" and "invoice.paid" stay readable in a narrow column. */
const EventName = ({ name }: { name: string }) => (
  <span className="font-mono text-xs">
    {name.split(/(?<=\/)/).map((part, index) => (
      <Fragment key={index}>
        {index > 0 && <wbr />}
        {part}
      </Fragment>
    ))}
  </span>
);

const COLUMNS: Column<TRunSummary>[] = [
  {
    header: "Function",
    cell: (run) => (
      <div className="min-w-48">
        {/* NOTE: the run id is part of the link, so each row's link has its own accessible name. */}
        <Link href={`/admin/queue/runs/${run.id}`} className="group block">
          <span className="font-medium text-brand-700 group-hover:underline">{run.functionName ?? run.functionId}</span>
          <span className="block font-mono text-xs text-slate-500">{run.id}</span>
        </Link>
      </div>
    ),
  },
  { header: "Trigger event", cell: (run) => <EventName name={run.eventName} /> },
  { header: "Status", cell: (run) => <RunStatusBadge status={run.displayStatus} /> },
  { header: "Started (UTC)", cell: (run) => <span className="whitespace-nowrap tabular-nums">{formatDateTimeCompact(run.createdAt)}</span> },
  {
    header: "Ended (UTC)",
    cell: (run) =>
      run.endedAt ? (
        <span className="whitespace-nowrap tabular-nums">
          {formatDateTimeCompact(run.endedAt)}
          <span className="block text-xs text-slate-500">took {formatDuration(durationBetween(run.createdAt, run.endedAt))}</span>
        </span>
      ) : (
        "—"
      ),
  },
  { header: "Next wake-up (UTC)", cell: (run) => <span className="whitespace-nowrap tabular-nums">{formatDateTimeCompact(run.nextWakeAt)}</span> },
];

export const RunsTable = ({ runs }: { runs: TRunSummary[] }) => (
  <DataTable caption="Workflow runs, newest first" columns={COLUMNS} rows={runs} rowKey={(run) => run.id} />
);
