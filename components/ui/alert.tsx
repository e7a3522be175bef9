import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  error: "bg-red-50 text-red-800 ring-red-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  info: "bg-brand-50 text-brand-700 ring-brand-100",
} as const;

/** Errors use role="alert" (announced at once); other messages role="status". */
export const Alert = ({ tone = "info", children }: { tone?: keyof typeof TONES; children: ReactNode }) => (
  <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md px-4 py-3 text-sm ring-1", TONES[tone])}>
    {children}
  </div>
);
