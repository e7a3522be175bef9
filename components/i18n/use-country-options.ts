"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { COUNTRIES } from "@/lib/countries";
import { intlLocale } from "@/lib/i18n/locales.mjs";

/** The country drop-down's options in the reader's language, sorted as that language sorts ("Deutschland" under D). */
export const useCountryOptions = () => {
  const t = useTranslations("Countries");
  const locale = useLocale();
  return useMemo(() => {
    const collator = new Intl.Collator(intlLocale(locale));
    return COUNTRIES.map((country) => ({ value: country.code, label: t(country.code) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [t, locale]);
};
