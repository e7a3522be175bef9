import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

type AreaShellProps = {
  areaName: string;
  homeHref: string;
  navLabel: string;
  links: readonly { href: string; label: string; isExact?: boolean }[];
  userName: string | null;
  signOutTo: string;
  /** Next to the user name, e.g. the client area's language switch. */
  headerExtras?: ReactNode;
  children: ReactNode;
};

/** The frame of the client and admin areas: a top bar, a section menu (a sidebar on wide screens), the page. */
export const AreaShell = ({ areaName, homeHref, navLabel, links, userName, signOutTo, headerExtras, children }: AreaShellProps) => {
  const t = useTranslations("Nav");
  return (
  <div className="min-h-screen">
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
      {t("skipToContent")}
    </a>
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
        <Link href={homeHref} className="text-lg font-bold text-brand-700">
          Hostlane <span className="font-medium text-slate-500">{areaName}</span>
        </Link>
        {(userName || headerExtras) && (
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            {headerExtras}
            {userName && <span>{userName}</span>}
            {userName && <SignOutButton callbackUrl={signOutTo} />}
          </div>
        )}
      </div>
    </header>
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
      {userName && (
        <nav aria-label={navLabel} className="md:w-52 md:shrink-0">
          <ul className="flex gap-1 overflow-x-auto md:flex-col">
            {links.map((link) => (
              <li key={link.href} className="shrink-0">
                <NavLink {...link} />
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" className="min-w-0 flex-1">
        {children}
      </main>
    </div>
  </div>
  );
};
