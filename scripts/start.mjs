// `npm start`: builds if needed, then serves the production build on http://localhost:3000 (PORT overrides).
// Without DATABASE_URL the app uses the embedded PGlite database in .data/pglite, migrated and seeded at start-up;
// without an Inngest server it runs workflows on the embedded executor; mail goes to the outbox.
import { spawn } from "node:child_process";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
const port = process.env.PORT ?? "3000";
const child = spawn("npx", ["next", "start", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => process.exit(code ?? 0));
