import { type NextRequest, NextResponse } from "next/server";
import { isCachedStorefrontPath } from "@/lib/storefront-variants.mjs";
import { cachedPageContentSecurityPolicy, contentSecurityPolicy, HSTS_HEADER, isHttpsDeployment } from "@/server/security/security-headers.mjs";

/**
 * A fresh CSP nonce per request. Next.js reads it from the request's Content-Security-Policy header and puts it
 * on the inline scripts it renders, so every page this matches renders at request time. The cached storefront
 * pages are the exception: the same bytes for everyone cannot carry a nonce, so they get their own policy and
 * the request is left untouched (README "The trade-off of nonces"). The other security headers come from
 * next.config.mjs.
 */
export const proxy = (request: NextRequest) => {
  const https = isHttpsDeployment(process.env.NEXTAUTH_URL);
  const development = process.env.NODE_ENV === "development";
  let response: NextResponse;
  if (isCachedStorefrontPath(request.nextUrl.pathname)) {
    response = NextResponse.next();
    response.headers.set("Content-Security-Policy", cachedPageContentSecurityPolicy({ https, development }));
  } else {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    const policy = contentSecurityPolicy({ nonce, https, development });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", policy);
    requestHeaders.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("Content-Security-Policy", policy);
  }
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
};

export const config = {
  // Static build files carry no HTML; everything else (pages, RSC payloads, API answers) gets the policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
