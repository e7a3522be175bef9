// Builds the production bundle when it is missing or older than any source file, so `npm start`,
// `npm test` and the benchmarks always serve the code in the working tree without rebuilding needlessly.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "components", "lib", "prisma", "instrumentation.ts", "proxy.ts", "next.config.mjs", "env.mjs", "package.json"];

const newestMtime = (entry) => {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => name !== "generated" && !name.endsWith(".test.ts"))
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), 0);
};

export const ensureBuild = () => {
  const buildId = ".next/BUILD_ID";
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= Math.max(...SOURCES.map(newestMtime))) {
    return;
  }
  console.log("[hostlane] building the production bundle (next build)…");
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
};

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild();
}
