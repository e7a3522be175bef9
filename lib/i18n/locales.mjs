// The languages the storefront, checkout, client area, mails and invoices are translated into (issue #9). Plain
// ESM so that lib/storefront-variants.mjs (read by next.config.mjs) and the TypeScript code share one list.
// The admin area stays English.

/** @typedef {"en" | "de"} TLocale */

/** @type {readonly TLocale[]} */
export const LOCALES = ["en", "de"];

/** @type {TLocale} */
export const DEFAULT_LOCALE = "en";

/** What each language is called in itself, for the language switch and the contact's "Language" field. */
export const LOCALE_NAMES = /** @type {const} */ ({ en: "English", de: "Deutsch" });

/** The visitor's choice on the pages that are rendered per request (cart, checkout, client area, sign-in). */
export const LOCALE_COOKIE = "hostlane_locale";

/** @param {unknown} value @returns {value is TLocale} */
export const isLocale = (value) => typeof value === "string" && /** @type {readonly string[]} */ (LOCALES).includes(value);

/** The Intl locale that formats money and dates for a language: "$5.51" / "5,51 $". @param {TLocale} locale */
export const intlLocale = (locale) => (locale === "de" ? "de-DE" : "en-US");
