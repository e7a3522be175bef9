import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { TLocale } from "@/lib/i18n/locales.mjs";
import { browserMessages, type TNamespace } from "@/lib/i18n/messages";

/**
 * The messages the client components below read, in the area's language: only the `namespaces` they use go to
 * the browser (the cached storefront pages: "Nav" only; its "Out of stock" must not sit in every page's payload).
 */
export const IntlProvider = ({ locale, namespaces, children }: { locale: TLocale; namespaces: readonly TNamespace[]; children: ReactNode }) => (
  <NextIntlClientProvider locale={locale} messages={browserMessages(locale, namespaces)} timeZone="UTC">
    {children}
  </NextIntlClientProvider>
);
