import { db } from "@/server/db";
import type { DbClient } from "@/server/db";

export type QueryHooks = {
  /** Runs before a raw statement reaches PostgreSQL; throwing fails the statement as a driver error would. */
  before?: (sql: string, args: unknown[]) => unknown;
  /** Runs after a raw statement has committed (outside a transaction) and before its caller sees the result. */
  after?: (sql: string, args: unknown[]) => unknown;
};

/**
 * The app's real database client with hooks around the executor's top-level raw statements, so a test can
 * make one statement fail or land something between two statements at an exact point. Transactions
 * ($transaction) and model queries pass through untouched; every statement still runs on PostgreSQL.
 */
export const hookedDb = (hooks: QueryHooks): DbClient =>
  new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === "$queryRawUnsafe" || prop === "$executeRawUnsafe") {
        const raw = (value as (sql: string, ...args: unknown[]) => Promise<unknown>).bind(target);
        return async (sql: string, ...args: unknown[]) => {
          await hooks.before?.(sql, args);
          const result = await raw(sql, ...args);
          await hooks.after?.(sql, args);
          return result;
        };
      }
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as DbClient;

/** Statement shapes the hooks pick out (the SQL lives in server/workflows/embedded/). */
export const isLeaseExtension = (sql: string) => sql.startsWith(`UPDATE "InngestJob" SET "lockedUntil" = $3::timestamp WHERE id = $1`);
export const isInlineStepApply = (sql: string) => sql.startsWith("WITH del AS (DELETE FROM \"InngestJob\"") && sql.includes("step AS (");

export const isCheckpoint = (sql: string) => sql.startsWith(`WITH job AS (\n     UPDATE "InngestJob" SET "lockedUntil" = $4::timestamp`);
