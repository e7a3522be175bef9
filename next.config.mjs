import "./env.mjs";
import { storefrontRewrites } from "./lib/storefront-variants.mjs";
import { STATIC_SECURITY_HEADERS } from "./server/security/security-headers.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads relative to itself; bundling breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  poweredByHeader: false,
  // forbidden() in requireStaff(permission): staff without the permission get the 403 page (app/forbidden.tsx).
  // isrFlushToDisk: cached pages and data live in this process's memory only, so a restart (or a new database
  // under the same .next, as every e2e and bench run does) never serves a page rendered from other data.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  // The public storefront URLs are served by the cached variant routes (lib/storefront-variants.mjs).
  rewrites: async () => ({ beforeFiles: storefrontRewrites() }),
  // Every response, static files included; the per-request CSP and HSTS come from proxy.ts.
  headers: async () => [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }],
};

export default nextConfig;
