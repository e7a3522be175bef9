"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales.mjs";

/**
 * "Language": a link per language through /api/storefront/language, which remembers the choice and leads back
 * to this page in that language. Each name is written in its own language (and marked so for screen readers).
 */
export const LanguageSwitch = () => {
  const t = useTranslations("Nav");
  const current = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t("language")} className="flex items-center gap-2 text-sm text-slate-600">
      {LOCALES.map((locale) =>
        locale === current ? (
          <span key={locale} lang={locale} aria-current="true" className="font-semibold text-slate-900">
            {LOCALE_NAMES[locale]}
          </span>
        ) : (
          <a key={locale} lang={locale} hrefLang={locale} href={`/api/storefront/language?locale=${locale}&next=${encodeURIComponent(pathname)}`} className="underline hover:text-brand-700">
            {LOCALE_NAMES[locale]}
          </a>
        ),
      )}
    </nav>
  );
};
