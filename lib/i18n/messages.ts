import type { TLocale } from "./locales.mjs";
import de from "./messages/de.json";
import en from "./messages/en.json";

// The message catalogs (ICU syntax, next-intl). English is the reference: messages.test.ts checks that German has
// exactly its keys and placeholders, so neither catalog can fall behind.
export const MESSAGES: Record<TLocale, typeof en> = { en, de };

export type TMessages = typeof en;

/**
 * The namespaces client components read (useTranslations in "use client" files), sent to the browser with each
 * page; the others (mails, server-rendered pages) stay on the server.
 */
const BROWSER_NAMESPACES = ["Common", "Storefront", "Checkout", "ClientArea", "Account"] as const satisfies readonly (keyof TMessages)[];

export const browserMessages = (locale: TLocale) =>
  Object.fromEntries(BROWSER_NAMESPACES.map((namespace) => [namespace, MESSAGES[locale][namespace]])) as Pick<TMessages, (typeof BROWSER_NAMESPACES)[number]>;
