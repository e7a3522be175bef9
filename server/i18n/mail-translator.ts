import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales.mjs";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The texts of a mail in its recipient's language (the contact's "Language"; English when unknown). Mails are
 * written outside a request (workflows, the outbox), so they use next-intl's plain translator, not the request's.
 */
export const mailTranslator = (language: string | null | undefined) => {
  const locale = isLocale(language) ? language : DEFAULT_LOCALE;
  return { locale, t: createTranslator({ locale, messages: MESSAGES[locale], namespace: "Mail" }) };
};
