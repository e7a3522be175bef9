import { type NextRequest, NextResponse } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/locales.mjs";
import { LOCALE_REQUEST_HEADER, requestLocale } from "@/server/i18n/request-locale";
import { contentSecurityPolicy, HSTS_HEADER, isHttpsDeployment } from "@/server/security/security-headers.mjs";

/**
 * A fresh CSP nonce per request. Next.js reads it from the request's Content-Security-Policy header and puts it
 * on the inline scripts it renders, so every page this matches renders at request time. The cached storefront
 * pages do not come here (see the matcher): the same bytes for everyone cannot carry a nonce, and running this
 * for every request of theirs would cost more than serving them. next.config.mjs gives them their own policy
 * (README "The trade-off of nonces") and the other security headers. It also tells next-intl the page's language
 * (server/i18n/request-locale.ts), overwriting whatever the browser sent in that header.
 */
export const proxy = (request: NextRequest) => {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = isHttpsDeployment(process.env.NEXTAUTH_URL);
  const policy = contentSecurityPolicy({ nonce, https, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(LOCALE_REQUEST_HEADER, requestLocale({ pathname: request.nextUrl.pathname, cookie: request.cookies.get(LOCALE_COOKIE)?.value }));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
};

export const config = {
  // Static build files and the files in public/ (robots.txt, favicon.ico) carry no HTML, so they need no nonce
  // and must not pay for one: running this for them halved the static file's throughput. They keep the static
  // headers of next.config.mjs. The cached storefront pages ("/", "/products/<slug>", "/shop/…", the same
  // paths as isCachedStorefrontPath in lib/storefront-variants.mjs; lib/storefront-variants.test.ts checks that
  // they agree, and that every file in public/ is left out) get their policy from next.config.mjs. Everything
  // else (pages, RSC payloads, API answers) comes here. A new file in public/ goes into this list.
  matcher: ["/((?!$|_next/static|_next/image|favicon.ico$|robots.txt$|products/[^/]+/?$|shop(?:/|$)).*)"],
};
