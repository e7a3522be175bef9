import "server-only";

/** Inngest's event payload cap; larger events are refused before anything is stored. */
export const MAX_EVENT_BYTES = 256 * 1024;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

export type IncomingEvent = { name: string; data?: Record<string, unknown>; id?: string; ts?: number; user?: Record<string, unknown> };

/**
 * Checks one event the way the app contract demands (send.ts and ingest share it): a well-formed name
 * (non-empty, no whitespace), a plain-object `data`, and at most 256 KiB serialised. Throws an Error naming
 * the problem, so a bad event never reaches the database.
 */
export const assertValidEvent = (event: unknown, index = 0): IncomingEvent => {
  const where = `event #${index}`;
  if (!isPlainObject(event)) throw new Error(`Invalid ${where}: expected an object with a name, got ${JSON.stringify(event) ?? typeof event}`);
  const { name, data, id, user } = event;
  if (typeof name !== "string" || name.trim() === "") throw new Error(`Invalid ${where}: the event name is empty`);
  if (/\s/.test(name)) throw new Error(`Invalid ${where}: the event name "${name}" contains whitespace`);
  if (data !== undefined && data !== null && !isPlainObject(data)) {
    throw new Error(`Invalid event "${name}": data must be a plain object, got ${Array.isArray(data) ? "an array" : typeof data}`);
  }
  if (user !== undefined && user !== null && !isPlainObject(user)) throw new Error(`Invalid event "${name}": user must be a plain object`);
  if (id !== undefined && id !== null && (typeof id !== "string" || id === "")) throw new Error(`Invalid event "${name}": id must be a non-empty string`);
  let serialized: string;
  try {
    serialized = JSON.stringify(event);
  } catch (error) {
    throw new Error(`Invalid event "${name}": the payload is not JSON-serialisable (${error instanceof Error ? error.message : String(error)})`);
  }
  // NOTE: PostgreSQL's jsonb cannot hold a NUL character; refuse it here with a clear message.
  if (serialized.includes("\\u0000")) throw new Error(`Invalid event "${name}": the payload contains a NUL (\\u0000) character`);
  const size = Buffer.byteLength(serialized);
  if (size > MAX_EVENT_BYTES) {
    throw new Error(`Invalid event "${name}": the payload is ${size} bytes, over the ${MAX_EVENT_BYTES}-byte (256 KiB) limit`);
  }
  return event as IncomingEvent;
};

/** Accepts a single event or an array, and validates all of them before the caller stores any. */
export const assertValidEvents = (input: unknown): IncomingEvent[] => {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new Error("No events to send");
  return list.map((event, index) => assertValidEvent(event, index));
};
