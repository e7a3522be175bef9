import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales.mjs";
import { MESSAGES } from "@/lib/i18n/messages";

// next-intl's request configuration (next.config.mjs names this file). The language comes from the cached
// storefront page's path (setRequestLocale) or, on a page rendered per request, from proxy.ts (requestLocale).
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  // NOTE: UTC, like lib/format-date.ts: business dates are shown in UTC so the server render and the browser agree.
  return { locale, messages: MESSAGES[locale], timeZone: "UTC" };
});
