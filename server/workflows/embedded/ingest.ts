import "server-only";
import { newId } from "./ids";
import { systemClock, type Clock } from "@/server/clock";
import { db as defaultDb, type DbClient } from "@/server/db";
import { matchesExpression } from "./expr";
import { pokeWorkers } from "./notifier";
import { pausesForEventSql, resolvePauses, type PauseRow } from "./pauses";
import { loadFunctions } from "./registry";
import { claimDedupe, createRun, insertRunsSql, newRun } from "./runs";
import { inTransaction, json, ts } from "./sql";
import type { Ctx, FunctionConfig, RunEvent } from "./types";
import { assertValidEvents, type IncomingEvent } from "./validate-event";

export type IngestOptions = {
  db?: DbClient;
  clock?: Clock;
  /** The synced functions, when the caller already has them (the executor applying a reply). */
  functions?: Map<string, FunctionConfig>;
  /**
   * Lifecycle events built by the executor itself. They carry the run's event and result, so they may
   * exceed the 256 KiB app limit; refusing them would leave the run unable to finish.
   */
  isInternal?: boolean;
};

/** Exact name, or a trailing `/*` wildcard over the prefix (`invoice/*`). */
export const matchesEventName = (pattern: string, name: string) =>
  pattern === name || (pattern.endsWith("/*") && name.startsWith(pattern.slice(0, -1)));

/** The functions an event triggers: exact name or wildcard, and the trigger's expression (§5.9). */
const triggeredBy = (functions: Iterable<FunctionConfig>, event: RunEvent) =>
  [...functions].filter((fn) =>
    fn.triggers.some((trigger) => "event" in trigger && matchesEventName(trigger.event, event.name) && matchesExpression(trigger.expression, { event })),
  );

const ingestOne = async (ctx: Ctx, functions: Map<string, FunctionConfig>, input: IncomingEvent) => {
  const nowMs = ctx.clock.now();
  const storedId = newId(nowMs);
  const event: RunEvent = {
    name: input.name,
    data: input.data ?? {},
    id: input.id ?? storedId,
    ts: typeof input.ts === "number" ? input.ts : nowMs,
    user: input.user ?? {},
  };
  // A user-supplied id deduplicates for 24 h: the duplicate is acknowledged but not routed (§5.4).
  if (input.id && !(await claimDedupe(ctx.db, "event", input.id, nowMs))) return event.id;
  // NOTE: storing the event, creating the runs it triggers and finding the pauses it may resolve share one
  // round trip. All parts see the statement's snapshot, so a run created by this very event (and its
  // cancelOn pauses) is never cancelled or resumed by it. A function with an idempotency key gets its run
  // afterwards from createRun, which claims the key first.
  const triggered = triggeredBy(functions.values(), event);
  const folded = triggered.filter((fn) => !fn.idempotency).map((fn) => newRun(fn, event, nowMs));
  const pauses = await ctx.db.$queryRawUnsafe<PauseRow[]>(
    `WITH ins AS (
       INSERT INTO "InngestEvent"(id, "externalId", name, data, "user", ts, "receivedAt") VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7::timestamp)
     ), ${insertRunsSql("$8", "$3", "$9", "$7")}
     ${pausesForEventSql("$3", "$7")}`,
    storedId, input.id ?? null, event.name, json(event.data), json(event.user), BigInt(Math.trunc(event.ts)), ts(nowMs),
    json(folded), json(event),
  );
  for (const fn of triggered) if (fn.idempotency) await createRun(ctx, { fn, event });
  await resolvePauses(ctx, event, pauses);
  return event.id;
};

/**
 * Stores events, routes them to triggers and resolves matching pauses (§5.4). Plain database code: it does
 * not need the worker loop. With a transaction client (lifecycle events §5.12, a use case's emitEvents) it
 * runs inside it and the caller pokes the worker after its commit; otherwise it commits and pokes the worker
 * itself. Every event is validated before anything is stored. Returns one id per event, in order.
 */
export const ingest = async (input: unknown, { db = defaultDb, clock = systemClock, functions: known, isInternal }: IngestOptions = {}) => {
  const events = isInternal ? (input as IncomingEvent[]) : assertValidEvents(input);
  // NOTE: read before the transaction, so the per-client cache is hit on every send.
  const functions = known ?? (await loadFunctions(db));
  const ids = await inTransaction(db, async (tx) => {
    const ctx = { db: tx, clock };
    const out: string[] = [];
    for (const event of events) out.push(await ingestOne(ctx, functions, event));
    return out;
  });
  // NOTE: inside a caller's transaction the new runs are invisible until it commits: a poke now would find
  // nothing and the worker would sleep a full poll interval. Only a root client has committed here.
  if (typeof (db as { $transaction?: unknown }).$transaction === "function") pokeWorkers();
  return ids;
};

/** Routes a cron slot or staff retry straight to one function, bypassing the trigger matcher (§5.9 cron). */
export const startRunDirectly = async (
  { db = defaultDb, clock = systemClock }: IngestOptions,
  fn: FunctionConfig,
  event: RunEvent,
  options: { skipIdempotency?: boolean } = {},
) => {
  const runId = await inTransaction(db, (tx) => createRun({ db: tx, clock }, { fn, event, ...options }));
  pokeWorkers();
  return runId;
};
