import "server-only";

/** What an error while recording a reply means for the job: fail the run, or leave it for a retry. */
export type ApplyErrorKind = "data" | "transient";

// NOTE: SQLSTATE classes for a value the database will refuse however often it is retried: 22 data
// exception (invalid JSON, a NUL in jsonb, a value out of range), 23 integrity constraint, 54 program limit
// exceeded (a jsonb value or row too large). Everything else (08 connection, 40 deadlock/serialization,
// 53 resources, 57 timeouts and shutdowns, pool and transaction errors) is about the moment, not the data.
const DATA_CLASSES = new Set(["22", "23", "54"]);

type DriverError = { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } };

/** The SQLSTATE of a Prisma (driver adapter) or pg/PGlite error, when it carries one. */
const sqlState = (error: unknown): string | undefined => {
  if (!error || typeof error !== "object") return undefined;
  const { code, message, meta } = error as DriverError;
  const cause = meta?.driverAdapterError?.cause;
  const candidates = [cause?.originalCode, cause?.code, code, typeof message === "string" ? /Code: `([0-9A-Z]{5})`/.exec(message)?.[1] : undefined];
  return candidates.find((value): value is string => typeof value === "string" && /^[0-9A-Z]{5}$/.test(value));
};

/**
 * Classifies an error raised while applying an SDK reply (§5.8). Only a reply the database cannot store
 * is a data error, which fails the run: re-sending the call would only produce the same reply again.
 * Anything else is transient and leaves the job for its lease to expire and the call to be retried;
 * unrecognised errors count as transient, because failing a run for good is the one step never undone.
 */
export const classifyApplyError = (error: unknown): ApplyErrorKind => {
  // NOTE: JSON.stringify of a result too large for a JS string throws a RangeError before any SQL runs.
  if (error instanceof RangeError) return "data";
  const state = sqlState(error);
  return state && DATA_CLASSES.has(state.slice(0, 2)) ? "data" : "transient";
};
