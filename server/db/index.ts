import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/env";
import { type Prisma, PrismaClient } from "./generated/client";
import { acquirePgliteLock, type PgliteLock } from "./pglite-lock.mjs";

type DbGlobals = { hostlaneDb?: PrismaClient; hostlanePglite?: PGlite; hostlanePgliteLock?: PgliteLock; hostlanePgPools?: WeakMap<object, pg.Pool> };

// NOTE: cached on globalThis in every mode, not only in development: Next.js loads the route bundles and
// instrumentation.ts as separate module instances, and PGlite's data folder must be opened exactly once.
const globals = globalThis as DbGlobals;

/**
 * The embedded database (PGlite in PGLITE_DIR), used when DATABASE_URL is unset. Takes the folder's lock first
 * and throws PgliteLockedError, touching nothing, when another process owns it.
 */
export const openPglite = () => {
  if (!globals.hostlanePglite) {
    globals.hostlanePgliteLock = acquirePgliteLock(env.PGLITE_DIR);
    mkdirSync(env.PGLITE_DIR, { recursive: true });
    globals.hostlanePglite = new PGlite(env.PGLITE_DIR);
  }
  return globals.hostlanePglite;
};

/**
 * Closes the embedded database once its queued queries and transactions are done (PGlite's close waits for
 * them), so its files are consistent, then releases the folder's lock. Later queries fail: call it last.
 */
export const closePglite = async () => {
  const pglite = globals.hostlanePglite;
  if (!pglite || pglite.closed) return;
  try {
    await pglite.close();
  } finally {
    globals.hostlanePgliteLock?.release();
  }
};

export const isEmbeddedDatabase = () => !env.DATABASE_URL;

// NOTE: the data folder is opened on the first query, not on import: `next build` imports this module while
// collecting page data and must never touch (or lock) the folder a running server uses.
// pglite-prisma-adapter 0.6.1 is typed against driver-adapter-utils 6.10; the runtime contract is the same in
// 6.19 (docs/toolchain.md §5), so only the type needs bridging.
const pgliteAdapter = () => {
  const { provider, adapterName } = new PrismaPGlite(undefined as unknown as PGlite);
  return { provider, adapterName, connect: () => new PrismaPGlite(openPglite()).connect() } as unknown as PrismaPg;
};

const pgPools = () => (globals.hostlanePgPools ??= new WeakMap());

/**
 * A client on PostgreSQL runs on a pg pool of our own (handed to Prisma, which ends it on $disconnect), so the
 * workflow executor can send its hot statements on the same connections as prepared statements (pgPoolOf).
 */
export const createPostgresClient = (connectionString: string) => {
  const pool = new pg.Pool({ connectionString });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pgPools().set(client, pool);
  return client;
};

const createClient = () => (env.DATABASE_URL ? createPostgresClient(env.DATABASE_URL) : new PrismaClient({ adapter: pgliteAdapter() }));

export const db = (globals.hostlaneDb ??= createClient());

/**
 * The pg pool under a root client made by createPostgresClient; undefined for PGlite, a transaction client,
 * or a pool that has been ended. Only for statements that must not join the caller's transaction.
 */
export const pgPoolOf = (client: DbClient): pg.Pool | undefined => {
  const pool = pgPools().get(client);
  return pool && !pool.ending ? pool : undefined;
};

/** Use cases take this, so a caller can pass its own transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;
export type { Prisma };
