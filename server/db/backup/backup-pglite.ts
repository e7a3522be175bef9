import { openExistingPglite } from "./open-existing-pglite";
import { writeFileAtomically } from "./write-file-atomically";

export type BackupPgliteOptions = { dataDir: string; file: string };

/**
 * `npm run db:backup`: a consistent snapshot of the embedded database as a gzipped tarball of its data folder,
 * which `restorePglite` (db:restore) brings back. Runs only while nothing else has the folder open (the lock), so
 * no write can land half-way through the copy; the checkpoint first flushes every committed change into the
 * data files, so the snapshot needs no crash recovery when it is restored.
 */
export const backupPglite = async ({ dataDir, file }: BackupPgliteOptions) => {
  const { pglite, close } = await openExistingPglite(dataDir);
  try {
    await pglite.exec("CHECKPOINT");
    const tarball = new Uint8Array(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
    await writeFileAtomically(file, tarball);
    return { file, bytes: tarball.byteLength };
  } finally {
    await close();
  }
};
