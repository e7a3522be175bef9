import "server-only";
import { type DbClient, db } from "@/server/db";
import { sendEvents } from "./send";

type EmittedEvents = Parameters<typeof sendEvents>[0];

/**
 * The one way a use case announces what it changed (issue #6 §3): call it with the transaction that makes
 * the change, so the event exists exactly when the change does.
 *
 * WARNING: interim version. The transactional outbox (embedded: ingestion inside `client`'s transaction;
 * inngest: an outbox table plus a relay) replaces the body below; callers keep this signature.
 */
export const emitEvents = async (events: EmittedEvents, client: DbClient = db) => {
  void client;
  await sendEvents(events);
};
