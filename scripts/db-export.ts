// `npm run db:export [file]`: the embedded database (PGLITE_DIR) as a plain SQL script for psql, by default
// .data/backups/hostlane-<time>.sql: the way to PostgreSQL (README: "Moving to PostgreSQL"). Refuses while the
// app runs.
import path from "node:path";
import { env } from "../env.mjs";
import { exportPgliteSql } from "../server/db/backup/export-pglite-sql";
import { runDatabaseTool } from "./db-tool";

await runDatabaseTool(async () => {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const file = process.argv[2] ?? path.join(".data", "backups", `hostlane-${stamp}.sql`);
  await exportPgliteSql({ dataDir: env.PGLITE_DIR, file });
  return [
    `Exported ${path.resolve(env.PGLITE_DIR)} to ${path.resolve(file)}.`,
    `Load it into an empty PostgreSQL database with: psql -v ON_ERROR_STOP=1 --single-transaction -d "$DATABASE_URL" -f ${file}`,
  ].join("\n");
});
