import { createHash, createHmac } from "node:crypto";
import type { NextRequest } from "next/server";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { signBody } from "@/server/workflows/embedded/sign";

// Shared plumbing for the SDK contract tests (workflow-engine.md §7). Everything here drives the real
// `serve()` handler from the pinned inngest 4.24.0 in-process, exactly as the embedded executor does.

export const APP_ID = "contract";
/** `signkey-<env>-<hex>`: the part after the prefix must be hex, because the SDK hex-decodes it for outbound Bearer auth. */
export const SIGNING_KEY = `signkey-test-${"5ca1ab1e".repeat(8)}`;
export const EVENT_KEY = "test";
/** Non-routable origin: any SDK call that escapes the recording fetch fails instead of reaching Inngest. */
export const EMBEDDED_ORIGIN = "http://inngest.embedded.invalid";
export const SERVE_URL = "http://app.embedded.invalid/api/inngest";

export type RecordedRequest = { url: string; method: string; headers: Headers; body: string | undefined };

/** One `POST /v1/checkpoint/{runId}/async` the SDK made, with its parsed body. */
export type RecordedCheckpoint = { runId: string; body: { run_id: string; fn_id: string; qi_id: string; steps: Op[]; [key: string]: unknown } };

/** The status the fake checkpoint route answers for the n-th checkpoint call (1-based); 200 by default. */
export type CheckpointStatus = (call: number, checkpoint: RecordedCheckpoint) => number;

/**
 * A stand-in for `embeddedFetch`: answers the Event API and async checkpoints (with `checkpointStatus`),
 * records every request, and 501s anything else.
 */
export type RecordingFetch = typeof fetch & {
  requests: RecordedRequest[];
  urls: string[];
  checkpoints: RecordedCheckpoint[];
  checkpointStatus: CheckpointStatus;
};

export const createRecordingFetch = (): RecordingFetch => {
  const requests: RecordedRequest[] = [];
  const urls: string[] = [];
  const checkpoints: RecordedCheckpoint[] = [];
  let nextId = 0;
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    requests.push({ url: request.url, method: request.method, headers: request.headers, body });
    urls.push(request.url);
    if (request.method === "POST" && new URL(request.url).pathname === `/e/${EVENT_KEY}`) {
      const parsed: unknown = JSON.parse(body ?? "[]");
      const events = Array.isArray(parsed) ? parsed : [parsed];
      // NOTE: the SDK's sendEventResponseSchema accepts exactly this shape (workflow-engine.md §4.10).
      return Response.json({ ids: events.map(() => `evt-${++nextId}`), status: 200 });
    }
    const checkpoint = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(new URL(request.url).pathname);
    if (request.method === "POST" && checkpoint) {
      const recorded = { runId: decodeURIComponent(checkpoint[1]!), body: JSON.parse(body ?? "{}") as RecordedCheckpoint["body"] };
      checkpoints.push(recorded);
      const status = (fake as RecordingFetch).checkpointStatus(checkpoints.length, recorded);
      // NOTE: the Go server answers an empty 200; the SDK ignores any 2xx body.
      return status === 200 ? new Response(null, { status }) : Response.json({ error: `checkpoint answered ${status}` }, { status });
    }

    return Response.json({ error: `unexpected SDK call: ${request.method} ${request.url}` }, { status: 501 });
  };

  return Object.assign(fake, { requests, urls, checkpoints, checkpointStatus: (() => 200) as CheckpointStatus }) as RecordingFetch;
};

// NOTE: the SDK logs every step error, signature failure and function error; the tests provoke them on purpose.
const noop = () => {};
const silentLogger = { info: noop, warn: noop, error: noop, debug: noop };

export type ContractClientOptions = {
  /** Pins the mode; unset, the SDK derives it from INNGEST_DEV on every request (see signing.test.ts). */
  isDev?: boolean;
  /** The client's `checkpointing` option; false (the classic protocol) unless a test is about checkpointing. */
  checkpointing?: false | { bufferedSteps?: number; maxRuntime?: number | string; maxInterval?: number | string };
};

export const createContractClient = ({ isDev, checkpointing = false }: ContractClientOptions = {}) => {
  const recordingFetch = createRecordingFetch();
  const client = new Inngest({
    id: APP_ID,
    checkpointing,
    signingKey: SIGNING_KEY,
    eventKey: EVENT_KEY,
    baseUrl: EMBEDDED_ORIGIN,
    fetch: recordingFetch,
    logger: silentLogger,
    ...(isDev === undefined ? {} : { isDev }),
  });

  return { client, recordingFetch };
};

export type ContractClient = ReturnType<typeof createContractClient>["client"];

export type AnyFunction = InngestFunction.Any;

export const serveFunctions = (client: ContractClient, functions: AnyFunction[]) => serve({ client, functions });

export type Handler = ReturnType<typeof serveFunctions>;

/** Hashed step id as the SDK computes it (`engine.ts` `hashId`): sha1 of the user id, hex. */
export const hashStepId = (id: string) => createHash("sha1").update(id).digest("hex");

export const TEST_EVENT = {
  name: "contract/run",
  data: { x: "acct-1" },
  id: "01JCONTRACTEVENT0000000000",
  ts: 1_767_225_600_000,
  user: {},
} as const;

export type CallBodyOptions = {
  event?: Record<string, unknown>;
  /** Memo map keyed by hashed id, in completion order: the stack is derived from the key order. */
  steps?: Record<string, unknown>;
  /** Overrides the stack derived from `steps`. */
  stack?: string[];
  attempt?: number;
  /** `null` omits `ctx.max_attempts`, to observe what the SDK does without it. */
  maxAttempts?: number | null;
  disableImmediateExecution?: boolean;
  runId?: string;
  /** `ctx.fn_id` / `ctx.qi_id`: switch on async checkpointing for this call (workflow-checkpointing.md §2). */
  checkpoint?: { fnId: string; qiId: string };
};

/** Builds a call request body the way the Go executor does (workflow-engine.md §4.4). */
export const buildCallBody = ({
  event = TEST_EVENT,
  steps = {},
  stack = Object.keys(steps),
  attempt = 0,
  maxAttempts = 3,
  disableImmediateExecution = false,
  runId = "01JCONTRACTRUN000000000000",
  checkpoint,
}: CallBodyOptions = {}) => {
  return {
    event,
    events: [event],
    steps,
    ctx: {
      run_id: runId,
      attempt,
      ...(maxAttempts === null ? {} : { max_attempts: maxAttempts }),
      disable_immediate_execution: disableImmediateExecution,
      use_api: false,
      stack: { stack, current: stack.length },
      ...(checkpoint ? { fn_id: checkpoint.fnId, qi_id: checkpoint.qiId } : {}),
    },
    version: 2,
  };
};

export type HandlerResponse = {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
};

const readResponse = async (res: Response): Promise<HandlerResponse> => {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }

  return { status: res.status, headers: res.headers, text, json };
};

// NOTE: the handler is typed for NextRequest, but only reads url, method, headers and text(); the executor
// passes a plain Request, so the tests do the same.
const asNextRequest = (req: Request) => req as unknown as NextRequest;

export type CallOptions = {
  fnId: string;
  stepId?: string;
  body: unknown;
  /** Signature time; defaults to Date.now(), the clock the SDK checks. */
  nowMs?: number;
  /** Overrides the signing: `null` sends no signature, a string is sent as-is with `rawBody`. */
  signature?: string | null;
  rawBody?: string;
  headers?: Record<string, string>;
};

/** Sends a signed call request (POST) straight into the handler. `fnId` is the local id; the app prefix is added. */
export const callFunction = async (
  handler: Handler,
  { fnId, stepId = "step", body, nowMs, signature, rawBody, headers = {} }: CallOptions,
) => {
  const signed = signBody(body, SIGNING_KEY, nowMs);
  const sentBody = rawBody ?? signed.body;
  const sentSignature = signature === undefined ? signed.signature : signature;
  const url = new URL(SERVE_URL);
  url.searchParams.set("fnId", `${APP_ID}-${fnId}`);
  url.searchParams.set("stepId", stepId);
  const res = await handler.POST(
    asNextRequest(
      new Request(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(sentSignature === null ? {} : { "x-inngest-signature": sentSignature }),
          ...headers,
        },
        body: sentBody,
      }),
    ),
    undefined,
  );

  return readResponse(res);
};

/** In-band sync (workflow-engine.md §4.2): signed PUT with `x-inngest-sync-kind: in_band`. */
export const syncInBand = async (handler: Handler, { nowMs }: { nowMs?: number } = {}) => {
  const { body, signature } = signBody({ url: SERVE_URL }, SIGNING_KEY, nowMs);
  const res = await handler.PUT(
    asNextRequest(
      new Request(SERVE_URL, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band", "x-inngest-signature": signature },
        body,
      }),
    ),
    undefined,
  );

  return readResponse(res);
};

/**
 * Signs a bodiless request (GET). The SDK treats a missing body as the empty string and, because that is
 * already a string, HMACs it as-is rather than canonicalising it, so signBody (which canonicalises) does not fit.
 */
const signEmptyBody = (nowMs = Date.now()) => {
  const t = String(Math.floor(nowMs / 1000));
  const s = createHmac("sha256", SIGNING_KEY.replace(/^signkey-\w+-/, "")).update(t).digest("hex");
  return `t=${t}&s=${s}`;
};

export const introspect = async (handler: Handler, { isSigned }: { isSigned: boolean }) => {
  const res = await handler.GET(
    asNextRequest(
      new Request(SERVE_URL, { method: "GET", headers: isSigned ? { "x-inngest-signature": signEmptyBody() } : {} }),
    ),
    undefined,
  );

  return readResponse(res);
};

/** One op of a 206 reply, loosely typed: the tests assert exact shapes with toEqual. */
export type Op = {
  op: string;
  id: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown>;
  data?: unknown;
  error?: Record<string, unknown>;
  [key: string]: unknown;
};

export const parseOps = (res: HandlerResponse): Op[] => {
  if (res.status !== 206 || !Array.isArray(res.json)) {
    throw new Error(`expected a 206 with an op array, got ${res.status}: ${res.text}`);
  }

  return res.json as Op[];
};

/** Parses a reply that must hold exactly one op. */
export const parseSingleOp = (res: HandlerResponse): Op => {
  const ops = parseOps(res);
  if (ops.length !== 1 || !ops[0]) {
    throw new Error(`expected exactly one op, got ${ops.length}: ${res.text}`);
  }

  return ops[0];
};
