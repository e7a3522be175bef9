import "server-only";
import { systemClock, type Clock } from "@/server/clock";
import { db as defaultDb } from "@/server/db";
import { inngest } from "../client";
import { onPoke } from "../embedded/notifier";
import { outboxRetryDelayMs } from "./retry-delay";

/** An event as stored in EventOutbox.payload and sent to the Event API. */
export type OutboxEvent = { name: string; id: string; data: Record<string, unknown>; ts?: number };

export type OutboxRelayOptions = {
  db?: typeof defaultDb;
  /** Delivers one event; resolves only when the Event API accepted it. Default: the app's Inngest client. */
  send?: (event: OutboxEvent) => Promise<unknown>;
  clock?: Clock;
  /** Events claimed (and sent in parallel) per round (default 20). */
  batchSize?: number;
  /** Idle poll interval (default 1 s); a commit that emitted events pokes the relay earlier. */
  pollMs?: number;
  /** How long a claim keeps other instances off a row (default 2 min); must exceed sendTimeoutMs. */
  leaseMs?: number;
  /** An attempt that has not answered after this long counts as failed (default 30 s). */
  sendTimeoutMs?: number;
  random?: () => number;
};

type ClaimedRow = { id: string; payload: OutboxEvent; attempts: number };

/** Sent rows are kept this long (for inspection), then pruned. */
const SENT_RETENTION_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
const PRUNE_BATCH = 1_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** The connection error is in `cause` (fetch failed → ECONNREFUSED); keep both, short. */
const describeError = (error: unknown) => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`.slice(0, 1_000);
};

const withTimeout = <T>(promise: Promise<T>, ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The Event API did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/**
 * The outbox relay for the Inngest engine: sends the events use cases wrote to EventOutbox (emit.ts) once their
 * transaction committed, and marks a row sent only after the Event API accepted it. A failed attempt records
 * the error and retries with exponential back-off (retry-delay.ts), for as long as it takes.
 *
 * Several instances may run at once (one per app process): a claim is one statement that takes due rows with
 * FOR UPDATE SKIP LOCKED and moves their nextAttemptAt forward by the lease, so instances take disjoint rows
 * and no transaction stays open while sending. An instance that dies mid-send leaves its rows to be claimed
 * again when the lease runs out. The rare double send that this allows (a reply lost after the server accepted
 * the event) is harmless: every event carries a deterministic id and Inngest drops a repeat within 24 h.
 */
export const createOutboxRelay = ({
  db = defaultDb,
  send = (event) => inngest.send(event),
  clock = systemClock,
  batchSize = 20,
  pollMs = 1_000,
  leaseMs = 120_000,
  sendTimeoutMs = 30_000,
  random = Math.random,
}: OutboxRelayOptions = {}) => {
  const claim = async () => {
    const nowMs = clock.now();
    return db.$queryRawUnsafe<ClaimedRow[]>(
      `UPDATE "EventOutbox" o SET attempts = o.attempts + 1, "nextAttemptAt" = $2::timestamp
       FROM (SELECT id FROM "EventOutbox" WHERE "sentAt" IS NULL AND "nextAttemptAt" <= $1::timestamp
             ORDER BY "nextAttemptAt", "createdAt" LIMIT $3 FOR UPDATE SKIP LOCKED) due
       WHERE o.id = due.id
       RETURNING o.id, o.payload, o.attempts`,
      iso(nowMs), iso(nowMs + leaseMs), batchSize,
    );
  };

  const deliver = async (row: ClaimedRow) => {
    try {
      await withTimeout(send(row.payload), sendTimeoutMs);
    } catch (error) {
      const lastError = describeError(error);
      await db.$executeRawUnsafe(
        `UPDATE "EventOutbox" SET "lastError" = $2, "nextAttemptAt" = $3::timestamp WHERE id = $1 AND "sentAt" IS NULL`,
        row.id, lastError, iso(clock.now() + outboxRetryDelayMs(row.attempts, random)),
      );
      return { isSent: false, lastError };
    }
    await db.$executeRawUnsafe(`UPDATE "EventOutbox" SET "sentAt" = $2::timestamp, "lastError" = NULL WHERE id = $1`, row.id, iso(clock.now()));
    return { isSent: true };
  };

  /** One round: claims up to batchSize due events and sends them. Returns how many were claimed and sent. */
  const relayBatch = async () => {
    const rows = await claim();
    const results = await Promise.all(rows.map(deliver));
    const failed = results.filter((result) => !result.isSent);
    if (failed.length > 0) {
      console.warn(`[workflows] outbox: ${failed.length} of ${rows.length} events not delivered yet, will retry: ${failed[0]!.lastError}`);
    }
    return { claimed: rows.length, sent: rows.length - failed.length };
  };

  /** Sends everything due now (several rounds if needed). Tests and a restarted instance call it directly. */
  const relayDue = async () => {
    let sent = 0;
    for (;;) {
      const round = await relayBatch();
      sent += round.sent;
      if (round.claimed < batchSize) return { sent };
    }
  };

  let lastPruneMs = 0;
  const pruneSent = async () => {
    if (clock.now() - lastPruneMs < PRUNE_EVERY_MS) return;
    lastPruneMs = clock.now();
    const cutoff = iso(lastPruneMs - SENT_RETENTION_MS);
    // NOTE: in bounded batches, so a busy week never turns into one long delete.
    while (
      (await db.$executeRawUnsafe(
        `DELETE FROM "EventOutbox" WHERE id IN (SELECT id FROM "EventOutbox" WHERE "sentAt" < $1::timestamp LIMIT ${PRUNE_BATCH})`,
        cutoff,
      )) === PRUNE_BATCH
    );
  };

  let isRunning = false;
  let wake: (() => void) | undefined;
  let loopPromise: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      wake = done;
    });

  const loop = async () => {
    while (isRunning) {
      try {
        await relayDue();
        await pruneSent();
      } catch (error) {
        console.error("[workflows] outbox relay error (retrying):", error);
      }
      if (isRunning) await sleep(pollMs);
    }
  };

  return {
    relayDue,
    start: () => {
      if (isRunning) return;
      isRunning = true;
      unsubscribe = onPoke(() => wake?.());
      loopPromise = loop();
    },
    /** Stops the loop after the round in flight; rows it could not finish are retried by any instance. */
    stop: async () => {
      if (!isRunning) return;
      isRunning = false;
      unsubscribe?.();
      wake?.();
      await loopPromise;
    },
  };
};

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
