import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The two calls the migrator needs; a `pg` client and a PGlite instance both provide them. */
export type SqlRunner = {
  exec: (sql: string) => Promise<unknown>;
  query: <T>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>;
};

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// WARNING: the same lock id and table layout as `prisma migrate deploy`, so either tool can take over.
const PRISMA_MIGRATE_LOCK_ID = 72707369;

/**
 * Applies the committed SQL migrations that have not run yet and records each one in `_prisma_migrations`
 * exactly as `prisma migrate deploy` does (checksum = SHA-256 of the file). Used at start-up and by the
 * test setup, where the Prisma CLI's WebAssembly engine would add 15–20 s per database.
 */
export const migrate = async (sql: SqlRunner, migrationsDir = MIGRATIONS_DIR) => {
  await sql.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  await sql.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  try {
    const { rows } = await sql.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const names = (await readdir(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const ran: string[] = [];
    for (const name of names) {
      const script = await readFile(/*turbopackIgnore: true*/ path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(script).digest("hex");
      const known = applied.get(name);
      if (known) {
        if (known !== checksum) {
          throw new Error(`Migration ${name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      const id = randomUUID();
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, checksum, name],
      );
      await sql.exec(`BEGIN; ${script}; COMMIT;`);
      await sql.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      ran.push(name);
    }
    return ran;
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  }
};

/** Adapts a connected `pg` client (tests, benchmarks, the PostgreSQL start-up path). */
export const pgSqlRunner = (client: {
  query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;
}): SqlRunner => ({
  exec: (sql) => client.query(sql),
  query: async <T,>(sql: string, params?: unknown[]) => (await client.query(sql, params)) as { rows: T[] },
});
