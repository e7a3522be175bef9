import "server-only";
import type { DbClient } from "@/server/db";
import type { FunctionConfig } from "./types";

type Cache = { at: number; byId: Map<string, FunctionConfig> };
type RegistryGlobals = { hostlaneWorkflowFunctions?: WeakMap<object, Cache> };
const globals = globalThis as RegistryGlobals;

// NOTE: a short-lived cache per database client, because ingest runs on every send; sync in this process
// clears it, and another process's sync is seen within the TTL. Correctness never depends on it: rows are
// the truth. Transaction clients miss the cache and read the rows.
const TTL_MS = 1_000;
const caches = () => (globals.hostlaneWorkflowFunctions ??= new WeakMap());

export const clearFunctionCache = () => {
  globals.hostlaneWorkflowFunctions = new WeakMap();
};

/** The synced function configs by composite id. */
export const loadFunctions = async (db: DbClient): Promise<Map<string, FunctionConfig>> => {
  const cached = caches().get(db);
  if (cached && performance.now() - cached.at < TTL_MS) return cached.byId;
  const rows = await db.$queryRawUnsafe<{ id: string; config: FunctionConfig }[]>(`SELECT id, config FROM "InngestFunction"`);
  const byId = new Map(rows.map((row) => [row.id, typeof row.config === "string" ? JSON.parse(row.config) : row.config]));
  caches().set(db, { at: performance.now(), byId });
  return byId;
};

/** max_attempts = retries + 1 (§4.3): the Go server reads `retries.attempts` as a retry count. */
export const maxAttemptsOf = (fn: FunctionConfig | undefined) => (fn?.steps.step.retries?.attempts ?? 0) + 1;
