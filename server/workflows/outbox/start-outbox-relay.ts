import "server-only";
import { createOutboxRelay, type OutboxRelay } from "./outbox-relay";

type RelayGlobals = { hostlaneOutboxRelay?: OutboxRelay };
// NOTE: on globalThis: hot reload and Next's separate bundles must never start a second loop in one process.
const globals = globalThis as RelayGlobals;

/**
 * Starts the outbox relay once per process (inngest engine, server/setup/boot.ts). Every app instance runs
 * one; their claims never overlap (outbox-relay.ts).
 */
export const startOutboxRelay = () => {
  if (!globals.hostlaneOutboxRelay) {
    globals.hostlaneOutboxRelay = createOutboxRelay();
    globals.hostlaneOutboxRelay.start();
  }
  return globals.hostlaneOutboxRelay;
};

/** Stops this process's relay (shutdown); undelivered rows stay for the next instance. */
export const stopOutboxRelay = async () => {
  const relay = globals.hostlaneOutboxRelay;
  globals.hostlaneOutboxRelay = undefined;
  await relay?.stop();
};
