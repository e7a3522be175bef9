import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import type { TLocale } from "@/lib/i18n/locales.mjs";
import type { TNamespace } from "@/lib/i18n/messages";
import { VisitorNav } from "./visitor-nav";

type StorefrontFrameProps = {
  locale: TLocale;
  homeHref: string;
  /** What the page's client components read, besides the header's "Nav". */
  namespaces?: readonly TNamespace[];
  children: ReactNode;
};

/**
 * The storefront's header and main area in one language. NOTE: nothing here reads the request (no session, no
 * cookie): the cached pages are the same bytes for every visitor, their language comes from the path, and the
 * personal links come from the browser (VisitorNav). `lang` marks the language for screen readers and
 * hyphenation, since the root layout is shared by every language.
 */
export const StorefrontFrame = ({ locale, homeHref, namespaces = [], children }: StorefrontFrameProps) => {
  const t = useTranslations("Storefront");
  return (
    <IntlProvider locale={locale} namespaces={["Nav", ...namespaces]}>
      <div lang={locale} className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label={t("navLabel")} className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
            <Link href={homeHref} className="text-lg font-bold text-brand-700">
              Hostlane
            </Link>
            <ul className="flex items-center gap-4 text-sm font-medium">
              <li>
                <Link href={homeHref} className="text-slate-700 hover:text-brand-700">{t("products")}</Link>
              </li>
              <VisitorNav />
              <li>
                <LanguageSwitch />
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </div>
    </IntlProvider>
  );
};
