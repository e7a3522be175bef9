import "./env.mjs";
import { STATIC_SECURITY_HEADERS } from "./server/security/security-headers.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads relative to itself; bundling breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  poweredByHeader: false,
  // forbidden() in requireStaff(permission): staff without the permission get the 403 page (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // Every response, static files included; the per-request CSP and HSTS come from proxy.ts.
  headers: async () => [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }],
};

export default nextConfig;
