import type { TLocale } from "./locales.mjs";
import de from "./messages/de.json";
import en from "./messages/en.json";

// The message catalogs (ICU syntax, next-intl). English is the reference: messages.test.ts checks that German has
// exactly its keys and placeholders, so neither catalog can fall behind.
export const MESSAGES: Record<TLocale, typeof en> = { en, de };

export type TMessages = typeof en;

export type TNamespace = keyof TMessages;

/**
 * The namespaces the client components of a page read (useTranslations in "use client" files), sent to the
 * browser with the page; everything else stays on the server. Each area names its own (components/i18n/intl-provider.tsx),
 * so a cached storefront page carries only the header's few texts.
 */
export const browserMessages = (locale: TLocale, namespaces: readonly TNamespace[]) =>
  Object.fromEntries(namespaces.map((namespace) => [namespace, MESSAGES[locale][namespace]])) as Partial<TMessages>;
