// `npm test`: every test — unit and integration (Vitest, real PostgreSQL), then end-to-end (Playwright,
// Chromium, production build) — and one combined summary line at the end.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureTestPrerequisites } from "./test-prerequisites.mjs";

if (!ensureTestPrerequisites()) process.exit(1);

mkdirSync("test-results", { recursive: true });
const run = (command, args) => spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }).status ?? 1;
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

for (const file of ["test-results/vitest.json", "test-results/e2e.json"]) rmSync(file, { force: true });

const vitestStatus = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
// NOTE: read before Playwright runs: it empties test-results/ when it starts.
const vitest = readJson("test-results/vitest.json");
const e2eStatus = run("node", ["scripts/e2e.mjs"]);
const e2e = readJson("test-results/e2e.json");
const vitestPassed = vitest?.numPassedTests ?? 0;
const vitestFailed = vitest ? vitest.numFailedTests : 1;
const e2ePassed = e2e?.stats?.expected ?? 0;
const e2eFailed = e2e ? (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0) : 1;
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);

console.log(`\nunit + integration: ${vitestPassed} passed, ${vitestFailed} failed; end-to-end: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`Summary: ${vitestPassed + e2ePassed} passed, ${vitestFailed + e2eFailed} failed, ${skipped} skipped`);
process.exit(vitestStatus || e2eStatus ? 1 : 0);
