"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "./cn";

/** Marks the current section with aria-current, which screen readers announce and the style follows. */
export const NavLink = ({ href, label, isExact = false }: { href: string; label: string; isExact?: boolean }) => {
  const pathname = usePathname();
  const isCurrent = isExact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={cn(
        "block rounded-md px-3 py-2 text-sm font-medium",
        isCurrent ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      {label}
    </Link>
  );
};
