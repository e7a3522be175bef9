import { existsSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquirePgliteLock } from "../pglite-lock.mjs";

/**
 * Opens an existing embedded database for a tool (backup, export), holding the folder's lock, so the tool
 * refuses with PgliteLockedError while the app (or another tool) has it open. `close()` closes it cleanly and
 * releases the lock.
 */
export const openExistingPglite = async (dataDir: string) => {
  const lock = acquirePgliteLock(dataDir);
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      throw new Error(`There is no embedded database in ${path.resolve(dataDir)} (no PG_VERSION file). Check PGLITE_DIR.`);
    }
    const pglite = await PGlite.create(dataDir);
    const close = async () => {
      try {
        await pglite.close();
      } finally {
        lock.release();
      }
    };
    return { pglite, close };
  } catch (error) {
    lock.release();
    throw error;
  }
};
