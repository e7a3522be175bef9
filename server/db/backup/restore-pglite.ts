import { existsSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquirePgliteLock } from "../pglite-lock.mjs";

export type RestorePgliteOptions = { dataDir: string; file: string; now: Date };

/**
 * `npm run db:restore <file>`: brings a db:backup snapshot back into the data folder. Refuses while the app runs
 * (the folder's lock). The snapshot is unpacked into a new folder beside the data folder and opened there first,
 * so a damaged or foreign file changes nothing; only then is the current folder moved aside (kept as
 * `<folder>.replaced-<time>`, never deleted) and the restored one moved into its place.
 */
export const restorePglite = async ({ dataDir, file, now }: RestorePgliteOptions) => {
  const folder = path.resolve(dataDir);
  const lock = acquirePgliteLock(folder);
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const staging = `${folder}.restoring-${stamp}`;
  try {
    const tarball = new Blob([await readFile(file)]);
    await rm(staging, { recursive: true, force: true });
    try {
      const restored = await PGlite.create({ dataDir: staging, loadDataDir: tarball });
      try {
        // NOTE: a Hostlane database has its migration history; a snapshot of anything else is refused here.
        await restored.query(`SELECT count(*) FROM "_prisma_migrations"`);
      } finally {
        await restored.close();
      }
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw new Error(`${path.resolve(file)} is not a Hostlane database backup (made by npm run db:backup); nothing was changed.`, { cause: error });
    }
    const replaced = existsSync(folder) ? `${folder}.replaced-${stamp}` : null;
    if (replaced) await rename(folder, replaced);
    await rename(staging, folder);
    return { dataDir: folder, replaced };
  } finally {
    lock.release();
  }
};
