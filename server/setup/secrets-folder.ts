import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/env";

/**
 * Where the embedded install keeps the secrets it generated: `<PGLITE_DIR>.secrets/`, beside the data folder and
 * not inside it, so neither a database dump nor a copy of the data folder carries them. Folder 0700, files 0600.
 */
export const embeddedSecretsDir = (pgliteDir = env.PGLITE_DIR) => `${path.resolve(pgliteDir)}.secrets`;

/**
 * The secret in `dir/name`, created once with `create()` when the file does not exist. Written to a temporary
 * file, then hard-linked into place: the name appears only with its full content (a kill mid-write leaves no
 * empty secret), and of two processes racing, one links and both read the same value.
 */
export const readOrCreateSecretFile = (dir: string, name: string, create: () => string) => {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, name);
  const temporary = path.join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, `${create()}\n`, { flag: "wx", mode: 0o600 });
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  // NOTE: a file copied in with looser permissions is tightened, not trusted as is.
  chmodSync(file, 0o600);
  const value = readFileSync(file, "utf8").trim();
  if (!value) throw new Error(`The secret file ${file} is empty: restore it from a backup.`);
  return value;
};

/** The secret in `dir/name`, or undefined when there is no such file. */
export const readSecretFileIfExists = (dir: string, name: string) => {
  try {
    return readFileSync(path.join(dir, name), "utf8").trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
};
