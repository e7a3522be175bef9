import Link from "next/link";
import type { ReactNode } from "react";
import { VisitorNav } from "@/components/storefront/visitor-nav";

// NOTE: no request-time read here (no session, no cookies): this layout wraps the cached storefront pages,
// which are the same bytes for every visitor. The personal links come from the browser (VisitorNav).
const StorefrontLayout = ({ children }: { children: ReactNode }) => (
  <div className="min-h-screen">
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Storefront" className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-700">
          Hostlane
        </Link>
        <ul className="flex items-center gap-4 text-sm font-medium">
          <li>
            <Link href="/" className="text-slate-700 hover:text-brand-700">Products</Link>
          </li>
          <VisitorNav />
        </ul>
      </nav>
    </header>
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      {children}
    </main>
  </div>
);

export default StorefrontLayout;
