import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { TLocale } from "@/lib/i18n/locales.mjs";
import { browserMessages } from "@/lib/i18n/messages";

/** The messages the client components of an area read, in its language (only the namespaces they use). */
export const IntlProvider = ({ locale, children }: { locale: TLocale; children: ReactNode }) => (
  <NextIntlClientProvider locale={locale} messages={browserMessages(locale)} timeZone="UTC">
    {children}
  </NextIntlClientProvider>
);
