import "./env.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads relative to itself; bundling breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
