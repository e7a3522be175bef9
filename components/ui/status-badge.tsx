import { cn } from "./cn";

const TONE_BY_STATUS: Record<string, string> = {
  ACTIVE: "bg-emerald-100 text-emerald-800",
  PAID: "bg-emerald-100 text-emerald-800",
  COMPLETED: "bg-emerald-100 text-emerald-800",
  SENT: "bg-emerald-100 text-emerald-800",
  CLOSED: "bg-slate-200 text-slate-700",
  PENDING: "bg-amber-100 text-amber-800",
  UNPAID: "bg-amber-100 text-amber-800",
  OPEN: "bg-amber-100 text-amber-800",
  QUEUED: "bg-amber-100 text-amber-800",
  WORK_IN_PROGRESS: "bg-sky-100 text-sky-800",
  IN_PROGRESS: "bg-sky-100 text-sky-800",
  RUNNING: "bg-sky-100 text-sky-800",
  WAITING: "bg-indigo-100 text-indigo-800",
  PARTIALLY_PAID: "bg-sky-100 text-sky-800",
  FAILED: "bg-red-100 text-red-800",
  SUSPENDED: "bg-red-100 text-red-800",
  CANCELLED: "bg-slate-200 text-slate-700",
  CANCELED: "bg-slate-200 text-slate-700",
  VOID: "bg-slate-200 text-slate-700",
  INVITED: "bg-amber-100 text-amber-800",
  DEACTIVATED: "bg-red-100 text-red-800",
  REVOKED: "bg-slate-200 text-slate-700",
};

/** "WORK_IN_PROGRESS" → "Work In Progress": the status words of the source documents. */
export const statusLabel = (status: string) =>
  status
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");

/** `label`: the status in the reader's language (the client area); the admin area shows the source documents' words. */
export const StatusBadge = ({ status, label = statusLabel(status) }: { status: string; label?: string }) => (
  <span className={cn("inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold", TONE_BY_STATUS[status] ?? "bg-slate-100 text-slate-700")}>
    {label}
  </span>
);
