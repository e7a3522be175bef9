// Prisma CLI configuration. The CLI uses the WebAssembly schema engine through a driver adapter
// (docs/toolchain.md §3, §5): PostgreSQL when DATABASE_URL names a server, otherwise PGlite in PGLITE_DIR
// (in memory when unset), which is enough for `migrate diff` with no server at all.
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    if (process.env.PRISMA_CLI_PGLITE === "1") {
      const { PGlite } = await import("@electric-sql/pglite");
      const { PrismaPGlite } = await import("pglite-prisma-adapter");
      // NOTE: the CLI may ask for the adapter more than once per command (migrate deploy does), possibly from
      // separate module instances of this file: one PGlite per data folder and process, kept on globalThis.
      const globals = globalThis as { hostlaneCliPglite?: InstanceType<typeof PGlite> };
      if (!globals.hostlaneCliPglite) {
        if (process.env.PGLITE_DIR) {
          // One process at a time per data folder (server/db/pglite-lock.mjs): refuses while the app runs on it.
          const { acquirePgliteLock } = await import("./server/db/pglite-lock.mjs");
          acquirePgliteLock(process.env.PGLITE_DIR);
        }
        globals.hostlaneCliPglite = new PGlite(process.env.PGLITE_DIR);
      }
      // NOTE: the PGlite adapter is typed against an older driver-adapter-utils; the contract is the same.
      return new PrismaPGlite(globals.hostlaneCliPglite) as unknown as import("prisma-migrate-adapter-pg").PrismaPg;
    }
    const { PrismaPg } = await import("prisma-migrate-adapter-pg");
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
