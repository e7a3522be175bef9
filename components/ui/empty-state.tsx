import type { ReactNode } from "react";

/** An honest empty state: says what will appear here and, where there is one, the next step. */
export const EmptyState = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
    <p className="font-medium text-slate-800">{title}</p>
    {children && <div className="mt-2 text-sm text-slate-600">{children}</div>}
  </div>
);
