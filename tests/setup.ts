import { randomBytes } from "node:crypto";
import pg from "pg";

// Secrets at rest (2FA secrets) need a key; each test process gets its own.
process.env.HOSTLANE_ENCRYPTION_KEY ??= `test:${randomBytes(32).toString("base64url")}`;

// Each test process gets its own database, cloned from the migrated template (tests/global-setup.ts), before any
// server module reads DATABASE_URL.
// NOTE: keyed by process id, not VITEST_POOL_ID: with several projects in one run Vitest gives concurrent
// workers the same pool id, and two test files must never share a database.
const adminUrl = process.env.HOSTLANE_TEST_PG_ADMIN_URL!;
const template = process.env.HOSTLANE_TEST_PG_TEMPLATE!;
const database = `${template.replace("_tpl_", "_w_")}_${process.pid}`;

if (process.env.HOSTLANE_TEST_DB !== database) {
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
  if (!rowCount) {
    await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  process.env.HOSTLANE_TEST_DB = database;
}

