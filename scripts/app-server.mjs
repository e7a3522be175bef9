// Starts the production server against a fresh PostgreSQL database, for the e2e tests and the storefront
// benchmark: its own throwaway cluster (or TEST_DATABASE_URL's server), a new database, a fixed admin password.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync, readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { ensureBuild } from "./ensure-build.mjs";
import { startPostgres } from "./postgres.mjs";

const withDatabase = (url, database) => {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
};

const waitForHealthy = async (baseUrl, child, timeoutMs = 180_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not become healthy at ${baseUrl} within ${timeoutMs / 1000} s`);
};

/**
 * CPU time (user + system, µs) used so far by every live process in the server's process group (npx and the
 * `next start` node process it runs), from /proc (Linux). The storefront benchmark divides the difference over
 * a run by its request count: on a shared machine that is steadier than requests/s.
 */
const processGroupCpuMicros = (group) => {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after "(comm)": state ppid pgrp … utime (14th field overall) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1_000_000) / 100; // USER_HZ is 100 on Linux
};

/**
 * `testHooks`: mounts /api/test/* for this run only (E2E_HOOKS=1 plus a random token the tests send back).
 * `logFile`: the server's stdout and stderr go to this file (the e2e log-secrets test reads it) instead of ours.
 * @returns {Promise<{ baseUrl: string, adminEmail: string, adminPassword: string, databaseUrl: string,
 *   secrets: { authSecret: string, encryptionKey: string }, testHooksToken?: string, stop: () => Promise<void>,
 *   cpuMicros: () => number }>}
 */
/**
 * `databaseTransport`: "socket" connects the app over the throwaway cluster's Unix socket, as an app next to its
 * PostgreSQL would (the benchmarks; README "Performance"); "tcp" (the default) over 127.0.0.1. With
 * TEST_DATABASE_URL it is that URL as given.
 */
export const startAppServer = async ({ port = 3100, extraEnv = {}, quiet = false, testHooks = false, logFile, databaseTransport = "tcp" } = {}) => {
  ensureBuild();
  const cluster = process.env.TEST_DATABASE_URL ? null : await startPostgres();
  const adminUrl = process.env.TEST_DATABASE_URL ?? cluster.url("postgres");
  const database = `hostlane_app_${Date.now().toString(36)}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const baseUrl = `http://127.0.0.1:${port}`;
  const adminPassword = randomBytes(12).toString("base64url");
  const databaseUrl = cluster && databaseTransport === "socket" ? cluster.socketUrl(database) : withDatabase(adminUrl, database);
  // With DATABASE_URL the app refuses to start without these (README "Secrets and encryption").
  const secrets = {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: `e2e:${randomBytes(32).toString("base64url")}`,
  };
  const testHooksToken = testHooks ? randomBytes(32).toString("base64url") : undefined;
  const log = logFile ? openSync(logFile, "a") : undefined;
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: log !== undefined ? ["ignore", log, log] : quiet ? ["ignore", "ignore", "inherit"] : ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      HOSTLANE_ADMIN_PASSWORD: adminPassword,
      NEXTAUTH_SECRET: secrets.authSecret,
      HOSTLANE_ENCRYPTION_KEY: secrets.encryptionKey,
      ...(testHooksToken ? { E2E_HOOKS: "1", E2E_HOOKS_TOKEN: testHooksToken } : {}),
      ...extraEnv,
    },
    detached: true,
  });
  const stop = async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", resolve)));
    cluster?.stop();
  };
  try {
    await waitForHealthy(baseUrl, child);
  } catch (error) {
    await stop();
    throw error;
  }
  const cpuMicros = () => processGroupCpuMicros(child.pid);
  return { baseUrl, adminEmail: "admin@hostlane.local", adminPassword, databaseUrl, secrets, testHooksToken, stop, cpuMicros };
};
