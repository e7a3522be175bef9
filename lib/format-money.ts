import { intlLocale, type TLocale } from "./i18n/locales.mjs";

/** Formats integer minor units for display in a language: formatMoney(1999, "USD") → "$19.99"; in German "19,99 $". */
export const formatMoney = (cents: number, currency: string, locale: TLocale = "en") => {
  const format = new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency });
  return format.format(cents / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
};
