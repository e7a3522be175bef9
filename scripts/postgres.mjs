// Starts a throwaway PostgreSQL cluster in a temporary folder (docs/toolchain.md §4), for tests,
// e2e runs and benchmarks. Used when TEST_DATABASE_URL does not name a server to use instead.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** The folder holding initdb/pg_ctl: on PATH, else the newest /usr/lib/postgresql/<version>/bin; undefined if none. */
export const locatePgBin = () => {
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return path.dirname(onPath);
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => path.join(root, v, "bin")).find((bin) => existsSync(path.join(bin, "initdb")));
};

const findPgBin = () => {
  const found = locatePgBin();
  if (!found) {
    throw new Error(
      "No PostgreSQL server found (initdb is not on PATH or under /usr/lib/postgresql/*/bin). " +
        "Install one (Debian: apt-get install -y postgresql-15) or set TEST_DATABASE_URL to a server to use.",
    );
  }
  return found;
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * `url` connects over TCP; `socketUrl` over the server's Unix socket, the cheaper transport when the app and
 * PostgreSQL share a machine (the benchmarks use it; README "Performance").
 * @returns {Promise<{ url: (database: string) => string, socketUrl: (database: string) => string, stop: () => void }>}
 */
export const startPostgres = async () => {
  const bin = findPgBin();
  const root = mkdtempSync(path.join(tmpdir(), "hostlane-pg-"));
  const port = await freePort();
  // initdb refuses to run as root; run the server as the postgres system user then.
  const isRoot = process.getuid?.() === 0;
  const asPostgres = isRoot
    ? (() => {
        const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
        const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
        chownSync(root, uid, gid);
        return { uid, gid };
      })()
    : {};
  const run = (cmd, args) => execFileSync(path.join(bin, cmd), args, { stdio: "pipe", ...asPostgres });
  run("initdb", ["-D", `${root}/data`, "-A", "trust", "-U", "postgres", "--no-sync"]);
  run("pg_ctl", [
    "-D", `${root}/data`,
    "-o", `-p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    "-l", `${root}/log`, "-w", "start",
  ]);
  let isStopped = false;
  const stop = () => {
    if (isStopped) return;
    isStopped = true;
    try {
      run("pg_ctl", ["-D", `${root}/data`, "-m", "immediate", "stop"]);
    } catch {
      // already gone
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once("exit", stop);
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    socketUrl: (database) => `postgresql://postgres@localhost:${port}/${database}?host=${encodeURIComponent(root)}`,
    stop,
  };
};
