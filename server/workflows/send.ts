import "server-only";
import { inngest } from "./client";
import { assertValidEvents } from "./embedded/validate-event";

type SendInput = Parameters<typeof inngest.send>[0];

/**
 * The app's way to publish workflow events, after the commit (house-style.md). Checks every event first —
 * a well-formed name, a plain-object `data`, at most 256 KiB — and throws an Error naming the problem
 * before anything is stored or sent, on either engine.
 */
export const sendEvents = async (events: SendInput) => {
  assertValidEvents(events);
  return inngest.send(events);
};
