import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, HSTS_HEADER, isHttpsDeployment } from "@/server/security/security-headers.mjs";

/**
 * A fresh CSP nonce per request. Next.js reads it from the request's Content-Security-Policy header and puts it
 * on the inline scripts it renders, so every page this matches renders at request time (README: the trade-off
 * and the plan for the cached storefront of #8). The other security headers come from next.config.mjs.
 */
export const proxy = (request: NextRequest) => {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = isHttpsDeployment(process.env.NEXTAUTH_URL);
  const policy = contentSecurityPolicy({ nonce, https, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
};

export const config = {
  // Static build files carry no HTML; everything else (pages, RSC payloads, API answers) gets the policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
