// One process at a time owns a PGlite data folder. Two PostgreSQL instances writing the same files destroy the
// database (seen: a second `npm start` left every page a 500 with `Aborted()`), and PGlite has no postmaster to
// refuse the second one, so every opener takes this lock first: the server, migrations, the Prisma CLI and the
// db:backup / db:restore / db:export scripts.
//
// The lock is a file beside the folder (`<folder>.lock`, never inside it: a backup of the folder must not carry
// it), holding the owner's PID and start time. It is created atomically (a complete file is hard-linked into
// place, so nobody reads it half-written) and released on exit. A lock whose process is gone, or whose PID now
// belongs to a younger process, is stale and taken over; that is also what happens after a SIGKILL or a crash.
// Plain JavaScript, so scripts/start.mjs can check it before it builds or spawns anything.
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * @typedef {{ pid: number, startTime: string | null, hostname: string, command: string, since: string }} LockHolder
 * @typedef {{ file: string, holder: LockHolder, release: () => void }} PgliteLock
 */

/** @param {string} dataDir */
export const pgliteLockFile = (dataDir) => `${path.resolve(dataDir)}.lock`;

/**
 * When the process started, as "<boot id>:<start tick>" (Linux), so a PID reused by a later process — or by any
 * process after a reboot or a container restart — is not mistaken for the owner. Null where /proc is missing:
 * then only the PID is compared.
 * @param {number} pid
 */
const processStartTime = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // NOTE: field 2 (the command name) may hold spaces and parentheses; the fields after the last ")" are fixed,
    // starting with field 3, so field 22 (starttime) is the 20th of them.
    const startTick = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    return `${bootId}:${startTick}`;
  } catch {
    return null;
  }
};

/** Lock files this process holds: a second PGlite on the same folder in one process is as harmful as two processes. */
const heldHere = new Set();

/** @param {LockHolder} holder @param {string} file */
const isAlive = (holder, file) => {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  // NOTE: our own PID in a lock we never took: a previous process that had this PID died without releasing it.
  if (holder.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user, so it is alive.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EPERM") return false;
  }
  const startTime = processStartTime(holder.pid);
  return !(holder.startTime && startTime && startTime !== holder.startTime);
};

/** @param {string} file @returns {LockHolder | null} null: missing or unreadable */
const readHolder = (file) => {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8"));
    return typeof holder?.pid === "number" ? holder : null;
  } catch {
    return null;
  }
};

export class PgliteLockedError extends Error {
  /** @param {string} dataDir @param {LockHolder} holder */
  constructor(dataDir, holder) {
    const folder = path.resolve(dataDir);
    super(
      [
        `The embedded database ${folder} is in use by process ${holder.pid} (${holder.command || "unknown command"}, since ${holder.since} on ${holder.hostname}).`,
        "Only one process may open it at a time; nothing was started or changed. Either:",
        `  - stop that process (Ctrl+C in its terminal, or \`kill ${holder.pid}\`; it shuts down cleanly) and try again,`,
        "  - give this one its own database folder: PGLITE_DIR=/path/to/another/folder,",
        "  - or use PostgreSQL instead: DATABASE_URL=postgresql://user:password@host:5432/hostlane (README: \"Moving to PostgreSQL\").",
      ].join("\n"),
    );
    this.name = "PgliteLockedError";
    this.dataDir = folder;
    this.holder = holder;
  }
}

/**
 * The live owner of the folder's lock, or null when it is free (never locked, or left by a dead process).
 * Reads only: scripts/start.mjs refuses with this before it builds or spawns anything.
 * @param {string} dataDir
 */
export const findPgliteLockHolder = (dataDir) => {
  const file = pgliteLockFile(dataDir);
  const holder = readHolder(file);
  return holder && isAlive(holder, file) ? holder : null;
};

/**
 * Moves a stale lock out of the way. The rename is atomic, so of several processes taking over the same stale
 * lock only one moves it; one that moved a fresh lock instead (taken by another process between our read and
 * our rename) puts it back and gives up.
 * @param {string} dataDir @param {string} file
 */
const removeStaleLock = (dataDir, file) => {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && isAlive(moved, file)) {
    try {
      linkSync(aside, file);
    } finally {
      unlinkSync(aside);
    }
    throw new PgliteLockedError(dataDir, moved);
  }
  unlinkSync(aside);
};

/**
 * Takes the folder's lock for the life of this process, or throws PgliteLockedError naming the owner. Touches
 * nothing but the lock file (the folder itself may not exist yet). The lock is released by `release()` or, at
 * the latest, when the process exits; after a kill the next opener finds it stale.
 * @param {string} dataDir
 * @returns {PgliteLock}
 */
export const acquirePgliteLock = (dataDir) => {
  const file = pgliteLockFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  /** @type {LockHolder} */
  const holder = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    hostname: hostname(),
    command: process.argv.slice(1).join(" ").slice(0, 300),
    since: new Date().toISOString(),
  };
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(draft, file);
        heldHere.add(file);
        return lockHandle(file, holder);
      } catch (error) {
        if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      }
      const current = readHolder(file);
      if (current && isAlive(current, file)) throw new PgliteLockedError(dataDir, current);
      removeStaleLock(dataDir, file);
    }
    throw new Error(`Could not take the lock ${file}: other processes keep taking it over. Try again.`);
  } finally {
    unlinkSync(draft);
  }
};

/** @param {string} file @param {LockHolder} holder @returns {PgliteLock} */
const lockHandle = (file, holder) => {
  let isReleased = false;
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    process.off("exit", release);
    heldHere.delete(file);
    const current = readHolder(file);
    // NOTE: only our own lock: never delete one another process took over after ours was judged stale.
    if (current?.pid === holder.pid && current.since === holder.since) unlinkSync(file);
  };
  process.once("exit", release);
  return { file, holder, release };
};
