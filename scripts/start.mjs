// `npm start`: builds if needed, then serves the production build on http://localhost:3000 (PORT overrides).
// Without DATABASE_URL the app uses the embedded PGlite database in .data/pglite, migrated and seeded at start-up;
// without an Inngest server it runs workflows on the embedded executor; mail goes to the outbox.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { env } from "../env.mjs";
import { PgliteLockedError, findPgliteLockHolder } from "../server/db/pglite-lock.mjs";
import { describeMissingSecrets, missingProductionSecrets } from "../server/setup/required-secrets.mjs";
import { ensureBuild } from "./ensure-build.mjs";

// NOTE: before the build: a rebuild of .next under a running server breaks it, so a second start must refuse
// before it touches any file. The server itself takes the lock when it opens the folder.
if (!env.DATABASE_URL) {
  const holder = findPgliteLockHolder(env.PGLITE_DIR);
  if (holder) {
    console.error(`\n${new PgliteLockedError(env.PGLITE_DIR, holder).message}\n`);
    process.exit(1);
  }
}

// Also before the build: a production start without its secrets (README "Secrets and encryption") fails at once.
const missingSecrets = missingProductionSecrets(process.env);
if (missingSecrets.length) {
  console.error(`\n${describeMissingSecrets(missingSecrets)}\n`);
  process.exit(1);
}

ensureBuild();
const port = process.env.PORT ?? "3000";
// NOTE: Next's own bin run by this node, not `npx next`: no npm and shell in between, so signals reach the
// server directly and its exit code comes back unchanged.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "start", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  // The server shuts down cleanly (server/setup/graceful-shutdown.ts) and exits 0; we exit with it.
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
