import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, type TLocale } from "@/lib/i18n/locales.mjs";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The visitor's language choice (read by proxy.ts). Only server actions and route handlers may write cookies. */
export const writeLocaleCookie = async (locale: TLocale) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: "lax", path: "/", maxAge: ONE_YEAR_SECONDS });
};
