import "server-only";
import { db as defaultDb, pgPoolOf, type DbClient } from "@/server/db";

/**
 * Time parameters go in as ISO strings cast with `::timestamp`: the columns are UTC `timestamp(3)`, and the
 * value always comes from the executor's clock, never the database's now() (§5.6).
 */
export const ts = (ms: number) => new Date(ms).toISOString();

/** Reads a timestamp column as epoch milliseconds, so no driver-specific Date handling leaks in. */
export const epochMs = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

export const json = (value: unknown) => JSON.stringify(value ?? null);

type TxHost = DbClient & { $transaction?: unknown };

const isRetriableTxError = (error: unknown) => {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ""}` : String(error);
  return /40P01|40001|deadlock detected|could not serialize/i.test(text);
};

/**
 * Runs `work` in a short interactive transaction, or inside the caller's transaction when `client` already
 * is one. Deadlocks between two runs' writes (ingest touching another run's pause) are retried.
 * WARNING: never await an SDK call inside `work`: PGlite has one connection (§5.1).
 */
export const inTransaction = async <T>(client: DbClient, work: (tx: DbClient) => Promise<T>): Promise<T> => {
  const host = client as TxHost;
  if (typeof host.$transaction !== "function") return work(client);
  const prisma = client as typeof defaultDb;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await prisma.$transaction((tx) => work(tx), { timeout: 30_000, maxWait: 30_000 });
    } catch (error) {
      if (attempt >= 4 || !isRetriableTxError(error)) throw error;
    }
  }
};

/** A statement of the executor's hot path, named so PostgreSQL parses and plans it once per connection. */
export type HotStatement = { name: string; text: string };

/**
 * Runs a hot-path statement (claim, checkpoint, step and completion writes): on PostgreSQL straight through
 * the pool under the Prisma client, as a prepared statement, which saves Prisma's per-query work and the
 * server's parse and plan of these long CTEs; on PGlite or inside a transaction through the client itself.
 * NOTE: the two paths must read alike, so these statements return only text, int, boolean and jsonb columns
 * (pg and Prisma map those the same way) and take text, number and bigint parameters.
 */
export const hotQuery = async <T>(client: DbClient, statement: HotStatement, ...params: unknown[]): Promise<T[]> => {
  const pool = pgPoolOf(client);
  if (!pool) return client.$queryRawUnsafe<T[]>(statement.text, ...params);
  const values = params.map((param) => (typeof param === "bigint" ? param.toString() : param));
  return (await pool.query({ name: statement.name, text: statement.text, values })).rows as T[];
};

/** hotQuery for a statement without RETURNING: the number of rows it changed. */
export const hotExecute = async (client: DbClient, statement: HotStatement, ...params: unknown[]): Promise<number> => {
  const pool = pgPoolOf(client);
  if (!pool) return client.$executeRawUnsafe(statement.text, ...params);
  return (await pool.query({ name: statement.name, text: statement.text, values: params })).rowCount ?? 0;
};
