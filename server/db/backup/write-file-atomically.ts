import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Writes to a temporary file beside the target and renames it into place: a file is whole or absent, never half-written. */
export const writeFileAtomically = async (file: string, data: string | Uint8Array) => {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const draft = `${file}.${process.pid}.partial`;
  try {
    await writeFile(draft, data, { mode: 0o600 });
    await rename(draft, file);
  } catch (error) {
    await rm(draft, { force: true });
    throw error;
  }
};
