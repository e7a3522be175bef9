import { cn } from "@/components/ui/cn";
import { RUN_STATUS_LABELS, RUN_STATUS_TONES, type TRunDisplayStatus } from "./run-status";

// NOTE: not the shared StatusBadge: Queued and Sleeping exist only here, and the tones must match the
// status tiles' bars so the chart and the table read alike.
export const RunStatusBadge = ({ status }: { status: TRunDisplayStatus }) => (
  <span className={cn("inline-flex whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold", RUN_STATUS_TONES[status].badge)}>
    {RUN_STATUS_LABELS[status]}
  </span>
);

const STEP_STATUS_TONES = {
  completed: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  pending: "bg-slate-100 text-slate-700 ring-1 ring-slate-300",
  retrying: "bg-amber-100 text-amber-800",
} as const;

const STEP_STATUS_LABELS = { completed: "Completed", failed: "Failed", pending: "Pending", retrying: "Retrying" } as const;

export const StepStatusBadge = ({ status }: { status: keyof typeof STEP_STATUS_TONES }) => (
  <span className={cn("inline-flex whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold", STEP_STATUS_TONES[status])}>
    {STEP_STATUS_LABELS[status]}
  </span>
);
