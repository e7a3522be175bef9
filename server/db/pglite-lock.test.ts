import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { acquirePgliteLock, findPgliteLockHolder, PgliteLockedError, pgliteLockFile } from "./pglite-lock.mjs";

const root = mkdtempSync(path.join(tmpdir(), "hostlane-lock-"));
const lockModule = path.resolve(import.meta.dirname, "pglite-lock.mjs");
let folderCount = 0;
const newFolder = () => path.join(root, `db-${(folderCount += 1)}`);

const children: ChildProcess[] = [];
/** Another process that takes the lock and holds it until it is killed. */
const holdInChild = (dataDir: string) =>
  new Promise<ChildProcess>((resolve, reject) => {
    const script = `import { acquirePgliteLock } from ${JSON.stringify(lockModule)}; acquirePgliteLock(process.argv[1]); console.log("locked"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, dataDir], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    child.stdout!.once("data", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the PGlite folder lock", () => {
  it("refuses a second owner with a message naming the folder, the holder's PID and what to do", async () => {
    const dataDir = newFolder();
    const child = await holdInChild(dataDir);

    expect(findPgliteLockHolder(dataDir)?.pid).toBe(child.pid);
    let refusal: unknown;
    try {
      acquirePgliteLock(dataDir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(PgliteLockedError);
    const { message } = refusal as Error;
    expect(message).toContain(`The embedded database ${dataDir} is in use by process ${child.pid}`);
    expect(message).toContain(`kill ${child.pid}`);
    expect(message).toContain("PGLITE_DIR=");
    expect(message).toContain("DATABASE_URL=");
    // Nothing was touched: the folder was not created and the holder's lock is unchanged.
    expect(existsSync(dataDir)).toBe(false);
    expect(JSON.parse(readFileSync(pgliteLockFile(dataDir), "utf8")).pid).toBe(child.pid);
  });

  it("takes over the lock of a killed process", async () => {
    const dataDir = newFolder();
    await killed(await holdInChild(dataDir));
    expect(existsSync(pgliteLockFile(dataDir))).toBe(true); // SIGKILL: nothing released it

    expect(findPgliteLockHolder(dataDir)).toBeNull();
    const lock = acquirePgliteLock(dataDir);
    expect(JSON.parse(readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    expect(readdirSync(root).filter((name) => name.includes(".tmp") || name.includes(".stale-"))).toEqual([]);
  });

  it("does not mistake a live process that reused the PID for the owner", () => {
    const dataDir = newFolder();
    // The PID is alive (the test runner's parent), but the start time is not that process's.
    const stale = { pid: process.ppid, startTime: "another-boot:1", hostname: "vm", command: "next start", since: "2026-01-01T00:00:00.000Z" };
    writeFileSync(pgliteLockFile(dataDir), JSON.stringify(stale));
    expect(findPgliteLockHolder(dataDir)).toBeNull();
    acquirePgliteLock(dataDir).release();
  });

  it("takes over an unreadable lock file", () => {
    const dataDir = newFolder();
    writeFileSync(pgliteLockFile(dataDir), "");
    acquirePgliteLock(dataDir).release();
  });

  it("refuses a second open of the same folder within one process too", () => {
    const dataDir = newFolder();
    const lock = acquirePgliteLock(dataDir);
    expect(() => acquirePgliteLock(dataDir)).toThrow(PgliteLockedError);
    lock.release();
    acquirePgliteLock(dataDir).release();
  });

  it("release leaves alone a lock that is no longer its own", () => {
    const dataDir = newFolder();
    const lock = acquirePgliteLock(dataDir);
    const other = { pid: 999_999, startTime: null, hostname: "vm", command: "other", since: "2026-01-02T00:00:00.000Z" };
    writeFileSync(lock.file, JSON.stringify(other));
    lock.release();
    expect(JSON.parse(readFileSync(lock.file, "utf8"))).toEqual(other);
  });

  it("of two processes racing for a free folder, exactly one wins", async () => {
    const dataDir = newFolder();
    const results = await Promise.allSettled([holdInChild(dataDir), holdInChild(dataDir), holdInChild(dataDir)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });
});
