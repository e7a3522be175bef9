import { intlLocale, type TLocale } from "./i18n/locales.mjs";

// NOTE: business dates are stored in UTC and shown in UTC, so the server render and the browser agree.
const dateFormat = (locale: TLocale) => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
const DATE_FORMATS = { en: dateFormat("en"), de: dateFormat("de") } satisfies Record<TLocale, Intl.DateTimeFormat>;

/** Formats a date for display, e.g. "Nov 22, 2026" (German "22.11.2026"); null shows as an em dash. */
export const formatDate = (date: Date | null | undefined, locale: TLocale = "en") => (date ? DATE_FORMATS[locale].format(date) : "—");
