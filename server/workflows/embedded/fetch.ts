import "server-only";
import { EMBEDDED_EVENT_KEY, EMBEDDED_ORIGIN } from "../engine";
import { currentCallScope } from "./call-scope";
import { handleCheckpoint } from "./checkpoint";
import { ingest } from "./ingest";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const bodyText = async (input: RequestInfo | URL, init?: RequestInit) => {
  if (init?.body !== undefined && init.body !== null) {
    return typeof init.body === "string" ? init.body : await new Response(init.body).text();
  }
  return input instanceof Request ? await input.text() : "";
};

/**
 * The embedded client's `fetch` (§5.4): the Event API on the sentinel origin goes into `ingest`, async
 * checkpoints into `handleCheckpoint` (workflow-checkpointing.md §5.4); any other path on it is a
 * configuration bug (out-of-band sync, the REST API) and answers 501 naming the path; every other URL goes
 * to the global fetch. Inside an SDK call the executor has abandoned, the sentinel origin answers 409 and
 * other requests are aborted.
 */
export const embeddedFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const scope = currentCallScope();
  const call = scope?.signal;
  if (url.origin !== EMBEDDED_ORIGIN) {
    // NOTE: an SDK request made during a call is aborted with the call (its timeout, or a lost job lease).
    const own = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return fetch(input, call ? { ...init, signal: own ? AbortSignal.any([own, call]) : call } : init);
  }
  if (call?.aborted) {
    // NOTE: the executor abandoned this call: whatever it still sends must not count (the job runs again).
    return json(409, { error: "The embedded workflow executor abandoned this call (timeout or lost job lease)", status: 409 });
  }
  const match = /^\/e\/([^/]+)\/?$/.exec(url.pathname);
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  const checkpoint = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(url.pathname);
  if (checkpoint && method === "POST") return handleCheckpoint(decodeURIComponent(checkpoint[1]!), await bodyText(input, init), scope?.checkpoint);
  if (!match || method !== "POST") {
    return json(501, { error: `The embedded workflow executor does not implement ${method} ${url.pathname}; this is a configuration bug (is checkpointing on?)` });
  }
  if (decodeURIComponent(match[1]!) !== EMBEDDED_EVENT_KEY) return json(401, { error: "Event key not found" });
  let events: unknown;
  try {
    events = JSON.parse(await bodyText(input, init));
  } catch {
    return json(400, { error: "The event body is not valid JSON" });
  }
  try {
    const ids = await ingest(events);
    // WARNING: the SDK accepts exactly this shape; anything else makes send() throw (§4.10).
    return json(200, { ids, status: 200 });
  } catch (error) {
    return json(400, { error: error instanceof Error ? error.message : String(error), status: 400 });
  }
};
