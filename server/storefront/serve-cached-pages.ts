import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { isCachedStorefrontPath } from "@/lib/storefront-variants.mjs";
import { forgetStoredPage, readStoredPage, storePageResponse, takeFillTicket } from "./page-response-store";

// Why this exists (measured, README "Storefront caching"): a page that Next serves from its cache still goes
// through Next's whole request pipeline (routing, the rewrite, the route module, the response cache lookup,
// async-context tracking for every promise on the way): about 3× the server CPU of a static file from public/,
// and the storefront could not get past ~40 % of the static file's throughput, whatever the page weighed.
// So the stored bytes of a page Next answered from its cache are sent straight from the server's request
// listener for a second (page-response-store.ts), the way a caching reverse proxy in front would. Next still
// renders every page, decides when it is stale, and answers every request this does not take.

/**
 * On every answer from the stored copies (Next's own headers, x-nextjs-cache: HIT included, are kept as they
 * were): says which layer answered, for operators and tests. The same value for every visitor.
 */
export const PAGE_STORE_HEADER = "x-hostlane-page-store";

/** Sent by the fill request below: it must reach Next, not the store it fills. A client sending it only bypasses the store. */
export const PAGE_STORE_FILL_HEADER = "x-hostlane-page-store-fill";

/**
 * Request headers that make Next answer something other than the page's HTML (an RSC payload for client-side
 * navigation and prefetches, a Server Action) or skip its cache (draft mode): those requests always go to Next.
 */
const NEXT_REQUEST_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", PAGE_STORE_FILL_HEADER];

/** Response headers that belong to one connection or one encoding, not to the page. */
const CONNECTION_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

/**
 * The plain GET of a cached storefront page's HTML that every visitor gets the same bytes for: no query string
 * (Next would not answer differently, but a query is how its internal requests look), none of the headers above.
 */
const isStorablePageRequest = (request: IncomingMessage) =>
  (request.method === "GET" || request.method === "HEAD") &&
  request.url !== undefined &&
  !request.url.includes("?") &&
  isCachedStorefrontPath(request.url) &&
  !NEXT_REQUEST_HEADERS.some((name) => name in request.headers) &&
  !(request.headers.cookie ?? "").includes("__prerender_bypass");

/** Whether the client takes gzip (an explicit `gzip;q=0` refuses it). */
const acceptsGzip = (request: IncomingMessage) => {
  const header = request.headers["accept-encoding"];
  const accepted = (Array.isArray(header) ? header.join(",") : (header ?? "")).toLowerCase();
  return /\bgzip\b/.test(accepted) && !/\bgzip\s*;\s*q=0(\.0*)?\b/.test(accepted);
};

const socketAddress = (request: IncomingMessage) => {
  const { localAddress, localPort } = request.socket;
  return localAddress && localPort ? { host: localAddress, port: localPort } : undefined;
};

const sendStoredPage = (request: IncomingMessage, response: ServerResponse, path: string) => {
  const stored = readStoredPage(path, Date.now());
  if (!stored) return false;
  const { page } = stored;
  const address = socketAddress(request);
  if (stored.needsRefresh && address) fillStoredPage(path, address);
  const gzip = acceptsGzip(request);
  const body = gzip ? page.gzipBody : page.body;
  const headers: [string, string][] = [...page.headers, [PAGE_STORE_HEADER, "HIT"], ["content-length", String(body.length)]];
  if (gzip) headers.push(["content-encoding", "gzip"]);
  response.writeHead(page.status, headers);
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
};

/** Whether Next's answer is one every visitor may get: served from its cache, shareable, no cookie set. */
const isShareableCachedAnswer = (answer: IncomingMessage) => {
  const cacheControl = String(answer.headers["cache-control"] ?? "");
  return (
    answer.statusCode === 200 &&
    answer.headers["x-nextjs-cache"] === "HIT" &&
    answer.headers["set-cookie"] === undefined &&
    answer.headers["content-encoding"] === undefined &&
    /s-maxage=\d+/.test(cacheControl) &&
    !/private|no-store|no-cache/.test(cacheControl)
  );
};

const filling = new Set<string>();

/**
 * Asks Next for `path` as an anonymous visitor without compression, over this server's own socket address,
 * and stores the answer if Next served it from its cache. One fill per path at a time.
 */
const fillStoredPage = (path: string, address: { host: string; port: number }) => {
  if (filling.has(path)) return;
  filling.add(path);
  const ticket = takeFillTicket(Date.now());
  const done = () => filling.delete(path);
  const fill = http.get({ ...address, path, agent: false, headers: { [PAGE_STORE_FILL_HEADER]: "1", "accept-encoding": "identity" } }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on("data", (chunk: Buffer) => chunks.push(chunk));
    answer.on("error", done);
    answer.on("end", () => {
      done();
      if (!isShareableCachedAnswer(answer)) {
        forgetStoredPage(path);
        return;
      }
      const headers: [string, string][] = [];
      for (let index = 0; index < answer.rawHeaders.length; index += 2) {
        const name = answer.rawHeaders[index]!;
        if (!CONNECTION_HEADERS.has(name.toLowerCase())) headers.push([name, answer.rawHeaders[index + 1]!]);
      }
      storePageResponse({ path, status: 200, headers, body: Buffer.concat(chunks), ticket, nowMs: Date.now() });
    });
  });
  fill.on("error", done);
  // A fill that hangs must not hold the path's slot for ever (the copy would age out and never come back).
  fill.setTimeout(10_000, () => fill.destroy());
};

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Puts the stored pages in front of `next start`'s request listener, in the production server only (from
 * instrumentation, when the server is already listening). A request the store cannot answer goes to Next as
 * before; when it was a storable page request, Next's answer is then fetched once more in the background for
 * the store. Returns whether it found the server.
 */
export const serveCachedStorefrontPages = () => {
  const handles = (process as unknown as { _getActiveHandles: () => unknown[] })._getActiveHandles();
  // NOTE: at boot the one listening HTTP server in the process is the one `next start` created (the app opens
  // no other); with any other count this stays out of the way, as the stored copies are keyed by path alone.
  const servers = handles.filter((handle): handle is http.Server => handle instanceof http.Server && handle.listening);
  if (servers.length !== 1) return false;
  const server = servers[0]!;
  const nextListeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const path = isStorablePageRequest(request) ? request.url! : undefined;
    if (path !== undefined && sendStoredPage(request, response, path)) return;
    const address = path !== undefined ? socketAddress(request) : undefined;
    if (path !== undefined && address) {
      response.once("finish", () => {
        if (response.statusCode === 200) fillStoredPage(path, address);
      });
    }
    for (const listener of nextListeners) listener.call(server, request, response);
  });
  return true;
};
