import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import { openExistingPglite } from "./open-existing-pglite";
import { writeFileAtomically } from "./write-file-atomically";

export type ExportPgliteSqlOptions = { dataDir: string; file: string };

/**
 * PGlite is PostgreSQL 18; its pg_dump writes settings that older servers do not know. Each is a session setting
 * whose absence changes nothing for a load into an empty database, so it is dropped rather than failing the load.
 */
const SETTINGS_UNKNOWN_BEFORE_PG17 = /^SET transaction_timeout = 0;\r?\n/gm;

/**
 * `npm run db:export`: the whole embedded database as a plain SQL script (schema, data, the migration history)
 * that `psql` loads into an empty PostgreSQL database (15 or later), the way from PGlite to DATABASE_URL.
 * Ownership and grants are left out: the tables belong to whoever loads the script.
 */
export const exportPgliteSql = async ({ dataDir, file }: ExportPgliteSqlOptions) => {
  const { pglite, close } = await openExistingPglite(dataDir);
  try {
    const dump = await pgDump({ pg: pglite, args: ["--no-owner", "--no-privileges"] });
    const sql = (await dump.text()).replace(SETTINGS_UNKNOWN_BEFORE_PG17, "");
    await writeFileAtomically(file, sql);
    return { file, bytes: Buffer.byteLength(sql) };
  } finally {
    await close();
  }
};
