// End-to-end tests: the production build on a fresh PostgreSQL database, driven by Playwright in Chromium.
// Extra arguments go to `playwright test` (e.g. a spec path or --grep).
import { spawnSync } from "node:child_process";
import { startAppServer } from "./app-server.mjs";
import { ensureTestPrerequisites } from "./test-prerequisites.mjs";

if (!ensureTestPrerequisites()) process.exit(1);

const server = await startAppServer({ extraEnv: { E2E_HOOKS: "1" } });
let status = 1;
try {
  const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: {
      ...process.env,
      E2E_BASE_URL: server.baseUrl,
      E2E_ADMIN_EMAIL: server.adminEmail,
      E2E_ADMIN_PASSWORD: server.adminPassword,
      E2E_DATABASE_URL: server.databaseUrl,
    },
  });
  status = result.status ?? 1;
} finally {
  await server.stop();
}
process.exit(status);
