import "server-only";

export const TRPC_MAX_BATCH_SIZE = 10;
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;

type TLimits = {
  /** The route's path prefix, e.g. /api/trpc. */
  endpoint: string;
  /** Every procedure path the router has (router._def.procedures). */
  procedures: ReadonlySet<string>;
  maxBatchSize?: number;
  maxBodyBytes?: number;
};

const refuse = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/** The body, read up to `limit` bytes: null once it grows past it (the rest is never read). */
const readBodyWithin = async (request: Request, limit: number) => {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
};

/**
 * Refuses, before any context, session or database work, what tRPC would otherwise parse in full: more than
 * `maxBatchSize` calls in one request (400), a procedure the router does not have (404) and a body over
 * `maxBodyBytes` (413; by Content-Length, and by counting the bytes of a streamed body). Answers the refusal, or
 * the request to hand to tRPC (with its body read into memory once it passed the size check).
 */
export const checkTrpcRequest = async (
  request: Request,
  { endpoint, procedures, maxBatchSize = TRPC_MAX_BATCH_SIZE, maxBodyBytes = TRPC_MAX_BODY_BYTES }: TLimits,
): Promise<Response | Request> => {
  const url = new URL(request.url);
  const paths = decodeURIComponent(url.pathname.slice(endpoint.length + 1)).split(",");
  if (paths.length > maxBatchSize) {
    return refuse(400, "BATCH_TOO_LARGE", `At most ${maxBatchSize} calls per batch request, got ${paths.length}.`);
  }
  const unknown = paths.find((path) => !procedures.has(path));
  if (unknown !== undefined) {
    // NOTE: the name is not echoed back: it is caller input, and a clear status says enough.
    return refuse(404, "NOT_FOUND", "No such procedure.");
  }
  if (request.method !== "POST") return request;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBodyBytes) return refuse(413, "PAYLOAD_TOO_LARGE", `The request body is over ${maxBodyBytes} bytes.`);
  const body = await readBodyWithin(request, maxBodyBytes);
  if (!body) return refuse(413, "PAYLOAD_TOO_LARGE", `The request body is over ${maxBodyBytes} bytes.`);
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
};
