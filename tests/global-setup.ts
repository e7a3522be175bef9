import pg from "pg";
import { migrate, pgSqlRunner } from "@/server/db/migrate";
import { startPostgres } from "@/scripts/postgres.mjs";

/**
 * Starts (or reuses, with TEST_DATABASE_URL) a PostgreSQL server and migrates a template database once;
 * each test worker then clones its own database from it (tests/setup.ts).
 */
export default async function setup() {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  let stop = () => {};
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const server = await startPostgres();
    adminUrl = server.url("postgres");
    stop = server.stop;
  }
  const template = `hostlane_tpl_${runId}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const client = new pg.Client(templateUrl.toString());
  await client.connect();
  await migrate(pgSqlRunner(client));
  await client.end();
  await admin.end();

  process.env.HOSTLANE_TEST_PG_ADMIN_URL = adminUrl;
  process.env.HOSTLANE_TEST_PG_TEMPLATE = template;

  return async () => {
    if (process.env.TEST_DATABASE_URL) {
      const cleanup = new pg.Client(adminUrl);
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`hostlane_%${runId}%`],
      );
      for (const { datname } of rows) {
        await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
      await cleanup.end();
    }
    stop();
  };
}
