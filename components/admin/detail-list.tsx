import type { ReactNode } from "react";

/** Label/value pairs of a record, two columns on wide screens. */
export const DetailList = ({ items }: { items: readonly { label: string; value: ReactNode }[] }) => (
  <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
    {items.map((item) => (
      <div key={item.label}>
        <dt className="font-medium text-slate-500">{item.label}</dt>
        <dd className="mt-0.5 break-words text-slate-900">{item.value}</dd>
      </div>
    ))}
  </dl>
);
