// `npm run db:backup [file]`: a consistent snapshot of the embedded database (PGLITE_DIR) to a file, by default
// .data/backups/hostlane-<time>.tar.gz. Refuses while the app runs on the folder: stop it first (it shuts down
// cleanly on Ctrl+C / SIGTERM). README: "The embedded database".
import path from "node:path";
import { env } from "../env.mjs";
import { backupPglite } from "../server/db/backup/backup-pglite";
import { runDatabaseTool } from "./db-tool";

await runDatabaseTool(async () => {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const file = process.argv[2] ?? path.join(".data", "backups", `hostlane-${stamp}.tar.gz`);
  const { bytes } = await backupPglite({ dataDir: env.PGLITE_DIR, file });
  return `Backed up ${path.resolve(env.PGLITE_DIR)} to ${path.resolve(file)} (${(bytes / 1e6).toFixed(1)} MB). Restore it with: npm run db:restore ${file}`;
});
