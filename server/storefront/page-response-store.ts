import "server-only";
import { gzipSync } from "node:zlib";

/**
 * Copies of the cached storefront pages' complete responses (status, headers, body), kept in this process so
 * that serve-cached-pages.ts can answer a request for one without entering Next's request pipeline (README
 * "Storefront caching"). The bytes are the ones Next serves from its own cache (a HIT): this store only
 * remembers them for a moment. Plain data, no Next imports: it is shared between the server's request listener
 * and the catalog invalidation, which Next bundles separately, through globalThis.
 */
export type TStoredPage = {
  status: number;
  /** Next's response headers, without the per-connection ones (date, connection, length, encoding). */
  headers: [string, string][];
  body: Buffer;
  /** The body gzipped once, for browsers (Next would gzip it again on every request). */
  gzipBody: Buffer;
  storedAtMs: number;
};

/**
 * How long a copy is served as it is. After that it is still served, for at most STORED_PAGE_MAX_AGE_MS in all,
 * while one request fetches it again from Next (which answers from its cache and decides whether the page is
 * stale): so a copy never outlives Next's own revalidation by more than a few seconds, and the requests of the
 * moment a copy ages do not all fall through to Next at once (that spiked p99 latency). At 1,000 requests/s
 * about one request in a thousand goes through Next.
 */
export const STORED_PAGE_FRESH_MS = 1_000;
export const STORED_PAGE_MAX_AGE_MS = 3_000;

/** A bound on the number of copies (one per cached URL: the home and each product page of each variant). */
const MAX_STORED_PAGES = 2_000;

/**
 * After a catalog change no copy is taken for this long. Next applies a tag invalidation at the end of the
 * request that made the change (revalidateTag only queues it), so a page fetched from Next in between can still
 * be its old cached copy; a copy asked for this much later cannot. Meanwhile requests go to Next, which renders
 * the page afresh once the tag has expired.
 */
export const FILL_PAUSE_AFTER_CHANGE_MS = 2_000;

type TStoreState = { generation: number; fillsFromMs: number; pages: Map<string, TStoredPage> };
const STATE_KEY = Symbol.for("hostlane.storefrontPageResponses");
const globals = globalThis as { [STATE_KEY]?: TStoreState };
const state = (globals[STATE_KEY] ??= { generation: 0, fillsFromMs: 0, pages: new Map() });

/** When Next was asked for a page, to check with storePageResponse that no catalog change came in between. */
export type TFillTicket = { generation: number; askedAtMs: number };

/** Taken just before asking Next for a page that is to be stored. */
export const takeFillTicket = (nowMs: number): TFillTicket => ({ generation: state.generation, askedAtMs: nowMs });

/**
 * The stored copy of `path` unless it is older than STORED_PAGE_MAX_AGE_MS at `nowMs`; `needsRefresh` once it
 * is older than STORED_PAGE_FRESH_MS.
 */
export const readStoredPage = (path: string, nowMs: number) => {
  const page = state.pages.get(path);
  if (!page || nowMs - page.storedAtMs >= STORED_PAGE_MAX_AGE_MS) return undefined;
  return { page, needsRefresh: nowMs - page.storedAtMs >= STORED_PAGE_FRESH_MS };
};

/** Forgets the copy of `path` (Next no longer answers it from its cache: its requests go to Next again). */
export const forgetStoredPage = (path: string) => state.pages.delete(path);

/**
 * Stores Next's answer for `path`, unless the catalog changed after the ticket was taken or too shortly before
 * (the answer may then show the old catalog). Returns whether it was stored.
 */
export const storePageResponse = ({ path, status, headers, body, ticket, nowMs }: {
  path: string;
  status: number;
  headers: [string, string][];
  body: Buffer;
  ticket: TFillTicket;
  nowMs: number;
}) => {
  if (ticket.generation !== state.generation || ticket.askedAtMs < state.fillsFromMs) return false;
  if (state.pages.size >= MAX_STORED_PAGES && !state.pages.has(path)) state.pages.clear();
  state.pages.set(path, { status, headers, body, gzipBody: gzipSync(body), storedAtMs: nowMs });
  return true;
};

/**
 * Drops every copy (a catalog change, after its commit): until FILL_PAUSE_AFTER_CHANGE_MS have passed every
 * request goes to Next, which renders the pages afresh.
 */
export const dropStoredPages = (nowMs: number = Date.now()) => {
  state.generation += 1;
  state.fillsFromMs = nowMs + FILL_PAUSE_AFTER_CHANGE_MS;
  state.pages.clear();
};
