import type { TRunDisplayStatus } from "@/server/system-queue/system-queue.schemas";

export { RUN_DISPLAY_STATUSES } from "@/server/system-queue/run-display-statuses";
export type { TRunDisplayStatus };

/** The words staff read for each display status (see RUN_DISPLAY_STATUSES for what each one means). */
export const RUN_STATUS_LABELS: Record<TRunDisplayStatus, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  SLEEPING: "Sleeping",
  WAITING: "Waiting",
  COMPLETED: "Completed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

/** Badge and bar colours: in progress is blue-ish, done green, failed red, cancelled grey. */
export const RUN_STATUS_TONES: Record<TRunDisplayStatus, { badge: string; bar: string }> = {
  QUEUED: { badge: "bg-slate-100 text-slate-700 ring-1 ring-slate-300", bar: "bg-slate-400" },
  RUNNING: { badge: "bg-sky-100 text-sky-800", bar: "bg-sky-500" },
  SLEEPING: { badge: "bg-violet-100 text-violet-800", bar: "bg-violet-500" },
  WAITING: { badge: "bg-indigo-100 text-indigo-800", bar: "bg-indigo-500" },
  COMPLETED: { badge: "bg-emerald-100 text-emerald-800", bar: "bg-emerald-500" },
  FAILED: { badge: "bg-red-100 text-red-800", bar: "bg-red-500" },
  CANCELLED: { badge: "bg-slate-200 text-slate-700", bar: "bg-slate-500" },
};
