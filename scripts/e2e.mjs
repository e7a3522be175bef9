// End-to-end tests: the production build on a fresh PostgreSQL database, driven by Playwright in Chromium.
// Extra arguments go to `playwright test` (e.g. a spec path or --grep).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAppServer } from "./app-server.mjs";
import { ensureTestPrerequisites } from "./test-prerequisites.mjs";

if (!ensureTestPrerequisites()) process.exit(1);

// The server's output goes to a file: e2e/security/log-secrets.spec.ts greps it for every secret of the run.
// NOTE: not under test-results/, which Playwright empties when it starts.
const serverLog = path.join(mkdtempSync(path.join(tmpdir(), "hostlane-e2e-")), "server.log");
// The app asks VIES here; e2e/journeys/reverse-charge.spec.ts listens on this port with the VIES stand-in.
const viesPort = Number(process.env.E2E_VIES_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 97);
process.env.VIES_URL = `http://127.0.0.1:${viesPort}`;
process.env.VIES_TIMEOUT_MS = "2000";
const server = await startAppServer({ port: Number(process.env.E2E_PORT ?? 3100), testHooks: true, logFile: serverLog });
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
      E2E_HOOKS_TOKEN: server.testHooksToken,
      E2E_SERVER_LOG: serverLog,
      E2E_VIES_PORT: String(viesPort),
      E2E_AUTH_SECRET: server.secrets.authSecret,
      E2E_ENCRYPTION_KEY: server.secrets.encryptionKey,
    },
  });
  status = result.status ?? 1;
  if (status !== 0) {
    const tail = readFileSync(serverLog, "utf8").split("\n").slice(-60).join("\n");
    console.error(`\n--- last lines of the server log (${serverLog}) ---\n${tail}`);
  }
} finally {
  await server.stop();
}
process.exit(status);
