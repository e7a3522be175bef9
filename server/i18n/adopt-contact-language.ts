import "server-only";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales.mjs";
import type { TSignInResult } from "@/server/auth/authenticate";
import { db } from "@/server/db";
import { writeLocaleCookie } from "./locale-cookie";

/**
 * A client who signs in without having chosen a language in this browser gets their contact's "Language" for
 * the client area (and the rest of the pages rendered per request). A choice made with the switch stays.
 * Runs in the sign-in route handler, which may set cookies.
 */
export const adoptContactLanguage = async (result: TSignInResult) => {
  if (result.status !== "signed-in" || result.principal.kind !== "client") return;
  if (isLocale((await cookies()).get(LOCALE_COOKIE)?.value)) return;
  const contact = await db.contact.findUnique({ where: { id: result.principal.contactId }, select: { language: true } });
  if (isLocale(contact?.language)) await writeLocaleCookie(contact.language);
};
