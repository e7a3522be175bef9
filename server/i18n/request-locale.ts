import { DEFAULT_LOCALE, isLocale, type TLocale } from "@/lib/i18n/locales.mjs";

/** The request header next-intl reads the language of a page rendered per request from (proxy.ts sets it). */
export const LOCALE_REQUEST_HEADER = "X-NEXT-INTL-LOCALE";

/**
 * The language of a page rendered per request: the admin area is English; the cart, checkout, client area and
 * sign-in pages follow the visitor's choice in the language cookie. (The cached storefront pages never come
 * here: their language is in the path.)
 */
export const requestLocale = ({ pathname, cookie }: { pathname: string; cookie: string | undefined }): TLocale =>
  pathname === "/admin" || pathname.startsWith("/admin/") || !isLocale(cookie) ? DEFAULT_LOCALE : cookie;
