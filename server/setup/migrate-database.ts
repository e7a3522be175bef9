import "server-only";
import pg from "pg";
import { env } from "@/env";
import { openPglite } from "@/server/db";
import { migrate, pgSqlRunner } from "@/server/db/migrate";

/** Brings the configured database (PostgreSQL, or the embedded PGlite folder) up to the committed migrations. */
export const migrateDatabase = async () => {
  if (!env.DATABASE_URL) {
    const pglite = openPglite();
    return migrate({ exec: (sql) => pglite.exec(sql), query: (sql, params) => pglite.query(sql, params) });
  }
  const client = new pg.Client(env.DATABASE_URL);
  await client.connect();
  try {
    return await migrate(pgSqlRunner(client));
  } finally {
    await client.end();
  }
};
