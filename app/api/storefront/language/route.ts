import { isLocale } from "@/lib/i18n/locales.mjs";
import { localizedPath } from "@/lib/storefront-variants.mjs";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { writeLocaleCookie } from "@/server/i18n/locale-cookie";

export const dynamic = "force-dynamic";

/**
 * The language switch (components/i18n/language-switch.tsx): plain links, so it works without JavaScript and the
 * cached pages stay cookie-free. Remembers the choice for the pages rendered per request and leads back to the
 * page the visitor was on, in that language (a cached page: its language variant).
 */
export const GET = async (request: Request) => {
  const url = new URL(request.url);
  const locale = url.searchParams.get("locale");
  if (!isLocale(locale)) return Response.json({ error: { code: "BAD_REQUEST", message: "Choose a language we translate into." } }, { status: 400 });
  await writeLocaleCookie(locale);
  const target = localizedPath(url.searchParams.get("next") ?? "/", locale, STOREFRONT_CURRENCY);
  return new Response(null, { status: 303, headers: { Location: target, "Cache-Control": "private, no-store" } });
};
