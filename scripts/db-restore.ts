// `npm run db:restore <file>`: puts a db:backup snapshot back into the embedded database folder (PGLITE_DIR),
// keeping the folder it replaces beside it. Refuses while the app runs. README: "The embedded database".
import path from "node:path";
import { env } from "../env.mjs";
import { restorePglite } from "../server/db/backup/restore-pglite";
import { runDatabaseTool } from "./db-tool";

await runDatabaseTool(async () => {
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run db:restore <backup file>   (a file written by npm run db:backup)");
  const { dataDir, replaced } = await restorePglite({ dataDir: env.PGLITE_DIR, file, now: new Date() });
  return [
    `Restored ${path.resolve(file)} into ${dataDir}.`,
    replaced ? `The database it replaced is kept in ${replaced} (delete it when you no longer need it).` : "",
  ].filter(Boolean).join("\n");
});
