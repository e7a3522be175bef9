import Link from "next/link";
import type { ReactNode } from "react";

/** A dashboard figure that links to the list behind it. */
export const StatCard = ({ label, value, detail, href }: { label: string; value: ReactNode; detail?: ReactNode; href: string }) => (
  <Link href={href} className="block rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-500">
    <p className="text-sm font-medium text-slate-600">{label}</p>
    <p className="mt-1 text-3xl font-bold tracking-tight text-slate-900">{value}</p>
    {detail && <p className="mt-1 text-sm text-slate-600">{detail}</p>}
  </Link>
);
