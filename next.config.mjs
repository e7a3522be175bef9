import "./env.mjs";
import createNextIntlPlugin from "next-intl/plugin";
import { CACHED_STOREFRONT_SOURCES, storefrontRewrites } from "./lib/storefront-variants.mjs";
import { CACHED_STOREFRONT_HEADERS, STATIC_SECURITY_HEADERS } from "./server/security/security-headers.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads relative to itself; bundling breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  poweredByHeader: false,
  // No per-request ETag: Next hashes the whole body of every page response for it (the cached storefront pages
  // included, about a tenth of their serving cost), and the per-request pages differ in every response anyway
  // (CSP nonce). Browsers re-fetch a cached page in full instead of getting a 304.
  generateEtags: false,
  // forbidden() in requireStaff(permission): staff without the permission get the 403 page (app/forbidden.tsx).
  // isrFlushToDisk: cached pages and data live in this process's memory only, so a restart (or a new database
  // under the same .next, as every e2e and bench run does) never serves a page rendered from other data.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  // The public storefront URLs are served by the cached variant routes (lib/storefront-variants.mjs).
  rewrites: async () => ({ beforeFiles: storefrontRewrites() }),
  // Every response, static files included; the per-request CSP and HSTS come from proxy.ts, except on the cached
  // storefront pages, which proxy.ts skips (lib/storefront-variants.mjs).
  headers: async () => [
    { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
    ...CACHED_STOREFRONT_SOURCES.map((source) => ({ source, headers: CACHED_STOREFRONT_HEADERS })),
  ],
};

// next-intl: the request configuration that gives server components their language and messages.
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

export default withNextIntl(nextConfig);
