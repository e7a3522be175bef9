import "server-only";
import type { Clock } from "@/server/clock";
import type { DbClient } from "@/server/db";
import { cronError, nextCronSlotMs } from "./cron";
import { normalizeConcurrency } from "./keys";
import { callHandler, type ServeHandler } from "./protocol";
import { clearFunctionCache } from "./registry";
import { inTransaction, ts } from "./sql";
import type { FunctionConfig } from "./types";

/** Keys the executor implements; anything else (a new SDK feature after an upgrade) is refused. */
const KNOWN_KEYS = new Set(["id", "name", "triggers", "steps", "idempotency", "concurrency", "cancel"]);
const UNSUPPORTED_KEYS = ["throttle", "rateLimit", "debounce", "batchEvents", "priority", "singleton", "timeouts"];

/** Every reason a function cannot run on the embedded executor, as "<function id>: <key>" lines. */
export const findUnsupported = (functions: FunctionConfig[]): string[] =>
  functions.flatMap((fn) => {
    const problems: string[] = [];
    for (const key of Object.keys(fn)) {
      if (UNSUPPORTED_KEYS.includes(key)) problems.push(key);
      else if (!KNOWN_KEYS.has(key)) problems.push(`${key} (unknown configuration key)`);
    }
    const concurrency = normalizeConcurrency(fn.concurrency);
    if (concurrency.length > 2) problems.push(`concurrency (${concurrency.length} entries; at most 2)`);
    for (const entry of concurrency) {
      if (entry.scope && entry.scope !== "fn") problems.push(`concurrency.scope "${entry.scope}" (only "fn")`);
    }
    if (fn.steps?.step?.retries?.attempts === undefined) problems.push("retries (missing; set it explicitly)");
    for (const trigger of fn.triggers ?? []) {
      if ("cron" in trigger) {
        const error = cronError(trigger.cron);
        if (error) problems.push(`cron "${trigger.cron}" (${error})`);
      }
    }
    return problems.map((problem) => `${fn.id}: ${problem}`);
  });

export const assertSupported = (functions: FunctionConfig[]) => {
  const problems = findUnsupported(functions);
  if (problems.length > 0) {
    throw new Error(
      `Workflow configuration not supported by the embedded executor; see workflow-engine.md §5.9:\n  ${problems.join("\n  ")}`,
    );
  }
};

export type SyncOptions = { db: DbClient; handler: ServeHandler; clock: Clock; serveUrl: string; signingKey: string };

/**
 * In-band sync (§4.2, §5.5): a signed PUT to the handler, validation, then the function and cron rows are
 * replaced. Existing cron rows keep their next slot, so a restart neither skips nor repeats one.
 */
export const syncFunctions = async ({ db, handler, clock, serveUrl, signingKey }: SyncOptions) => {
  if (process.env.INNGEST_ALLOW_IN_BAND_SYNC?.toLowerCase() === "false" || process.env.INNGEST_ALLOW_IN_BAND_SYNC === "0") {
    throw new Error("INNGEST_ALLOW_IN_BAND_SYNC=false disables in-band sync, which the embedded executor needs. Unset it, or use WORKFLOW_ENGINE=inngest.");
  }
  const response = await callHandler({
    handler,
    method: "PUT",
    url: serveUrl,
    body: { url: serveUrl },
    signingKey,
    headers: { "x-inngest-sync-kind": "in_band" },
  });
  if (response.kind !== "response" || response.status !== 200 || response.headers.get("x-inngest-sync-kind") !== "in_band") {
    const detail =
      response.kind === "response" ? `${response.status} ${response.text.slice(0, 500)}` : response.kind === "transport" ? response.error : response.reason;
    throw new Error(`In-band sync with the workflow handler failed: ${detail}`);
  }
  const functions = (response.body as { functions?: FunctionConfig[] }).functions ?? [];
  assertSupported(functions);

  const nowMs = clock.now();
  await inTransaction(db, async (tx) => {
    const ids = functions.map((fn) => fn.id);
    await tx.$executeRawUnsafe(`DELETE FROM "InngestFunction" WHERE NOT (id = ANY(string_to_array($1, E'\\x1f')))`, ids.join("\u001f"));
    for (const fn of functions) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "InngestFunction"(id, name, config, "syncedAt") VALUES ($1, $2, $3::jsonb, $4::timestamp)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, config = EXCLUDED.config, "syncedAt" = EXCLUDED."syncedAt"`,
        fn.id, fn.name, JSON.stringify(fn), ts(nowMs),
      );
    }
    const crons = functions.flatMap((fn) =>
      fn.triggers.flatMap((trigger) => ("cron" in trigger ? [{ functionId: fn.id, expr: trigger.cron }] : [])),
    );
    const keep = crons.map((cron) => `${cron.functionId}\u001e${cron.expr}`).join("\u001f");
    await tx.$executeRawUnsafe(
      `DELETE FROM "InngestCron" WHERE NOT ("functionId" || E'\\x1e' || expr = ANY(string_to_array($1, E'\\x1f')))`,
      keep,
    );
    for (const cron of crons) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "InngestCron"("functionId", expr, "nextAt") VALUES ($1, $2, $3::timestamp) ON CONFLICT DO NOTHING`,
        cron.functionId, cron.expr, ts(nextCronSlotMs(cron.expr, nowMs)),
      );
    }
  });
  clearFunctionCache();
  return functions;
};
