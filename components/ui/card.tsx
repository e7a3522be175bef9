import type { ReactNode } from "react";
import { cn } from "./cn";

export const Card = ({ title, actions, children, className }: { title?: string; actions?: ReactNode; children: ReactNode; className?: string }) => (
  <section aria-label={title} className={cn("rounded-lg bg-white shadow-sm ring-1 ring-slate-200", className)}>
    {(title || actions) && (
      <header className="flex items-center justify-between gap-4 border-b border-slate-100 px-5 py-3">
        {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
        {actions}
      </header>
    )}
    <div className="p-5">{children}</div>
  </section>
);
