import "server-only";
import { randomUUID } from "node:crypto";
import { systemClock } from "@/server/clock";
import { type DbClient, db, type Prisma } from "@/server/db";
import type { inngest } from "./client";
import { ingest } from "./embedded/ingest";
import { pokeWorkers } from "./embedded/notifier";
import { assertValidEvents, type IncomingEvent } from "./embedded/validate-event";
import { workflowEngine } from "./engine";

type EmittedEvents = Parameters<typeof inngest.send>[0];

/** A root client commits each statement itself; a transaction client has no $transaction of its own. */
const isRootClient = (client: DbClient) => typeof (client as { $transaction?: unknown }).$transaction === "function";

/** Runs the schema check of events built with `eventType(...).create()`, as `inngest.send()` would. */
const validateSchemas = async (events: EmittedEvents) => {
  for (const event of Array.isArray(events) ? events : [events]) {
    const { validate } = event as { validate?: () => Promise<unknown> };
    if (typeof validate === "function") await validate();
  }
};

/** The event as it goes over the wire: JSON only (no `validate`, no undefined keys), always with an id. */
const toOutboxRow = (event: IncomingEvent, nowMs: number) => {
  // NOTE: an event without an id gets one here, so the relay's retries of it are deduplicated like any other.
  const id = event.id ?? `outbox-${randomUUID()}`;
  const payload = JSON.parse(JSON.stringify({ ...event, id, ts: event.ts ?? nowMs })) as Prisma.InputJsonObject;
  return { eventId: id, name: event.name, payload, nextAttemptAt: new Date(nowMs), createdAt: new Date(nowMs) };
};

/**
 * The one way a use case announces what it changed (issue #6 §3, the transactional outbox). Call it with the
 * transaction that makes the change, so the events exist exactly when the change does: a rollback takes them
 * with it, a commit makes them durable, and nothing sent "after the commit" can be lost in between.
 * - embedded engine: the events are ingested inside `client`'s transaction (stored, routed to their runs,
 *   pauses resolved), so the runs commit together with the change;
 * - inngest engine: they are written to the EventOutbox table, and the relay sends them after the commit,
 *   retrying with back-off until the Event API accepts them (outbox/outbox-relay.ts).
 * Every event is validated (name, plain data, 256 KiB, its schema) before anything is stored; a bad event
 * throws, which rolls the caller's transaction back.
 *
 * With a transaction client, call `pokeEventDelivery()` once the transaction has committed, so the worker or
 * relay starts at once. Forgetting it loses nothing: both poll, it only costs up to a poll interval.
 * With the root client (no transaction) the events commit on their own and delivery is poked here.
 */
export const emitEvents = async (events: EmittedEvents, client: DbClient = db) => {
  const valid = assertValidEvents(events);
  await validateSchemas(events);
  if (workflowEngine() === "embedded") {
    await ingest(valid, { db: client }); // NOTE: with a root client it commits and pokes the worker itself
    return;
  }
  const nowMs = systemClock.now();
  await client.eventOutbox.createMany({ data: valid.map((event) => toOutboxRow(event, nowMs)) });
  if (isRootClient(client)) pokeEventDelivery();
};

/**
 * Wakes event delivery in this process after a commit that emitted events: the embedded worker loop, or the
 * outbox relay on the inngest engine (both listen to the same notifier). Other processes notice on their next poll.
 */
export const pokeEventDelivery = () => pokeWorkers();
