import pg from "pg";

// Each worker gets its own database, cloned from the migrated template (tests/global-setup.ts),
// before any server module reads DATABASE_URL.
const adminUrl = process.env.HOSTLANE_TEST_PG_ADMIN_URL!;
const template = process.env.HOSTLANE_TEST_PG_TEMPLATE!;
const database = `${template.replace("_tpl_", "_w_")}_${process.env.VITEST_POOL_ID ?? "0"}`;

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

