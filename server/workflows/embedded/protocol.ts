import "server-only";
import { runInCallScope } from "./call-scope";
import type { CheckpointScope } from "./checkpoint";
import { signBody } from "./sign";
import type { RunEvent, SerializedError } from "./types";

/** The part of `serve()`'s result the executor drives. The second argument is Next's route context. */
export type ServeHandler = {
  POST: (request: Request, context?: unknown) => Promise<Response>;
  PUT: (request: Request, context?: unknown) => Promise<Response>;
};

/** Past this the call counts as a transport error and is retried within the attempt budget. */
export const SDK_CALL_TIMEOUT_MS = 5 * 60_000;

export type HandlerResult =
  | { kind: "response"; status: number; headers: Headers; text: string; body: unknown }
  | { kind: "transport"; error: string }
  /** The caller's signal aborted the call (its job lease was lost): there is no reply to apply. */
  | { kind: "abandoned"; reason: string };

type CallOptions = {
  handler: ServeHandler;
  method: "POST" | "PUT";
  url: string;
  body: unknown;
  signingKey: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Aborts the call when it must no longer count (the job lease was lost, the executor is stopping). */
  signal?: AbortSignal;
  /** Where the call's async checkpoints are stored, when its body lets the SDK checkpoint. */
  checkpoint?: CheckpointScope;
};

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

const rejectOnAbort = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

/**
 * Calls the serve() handler in-process with a signed, canonical body (§5.3). Never throws: a handler that
 * throws, hangs or answers garbage is a transport error for the caller to retry. On its timeout, or when
 * the caller's signal fires, the call is aborted: the Request carries the signal (an HTTP transport drops
 * the connection), the embedded client's fetch refuses what the call still tries to send (fetch.ts), and
 * the reply is not waited for. In-process step code cannot be killed; it runs on, and its reply is dropped.
 * NOTE: signatures use Date.now(), the clock the SDK checks, even when the executor's clock is shifted.
 */
export const callHandler = async ({ handler, method, url, body, signingKey, headers = {}, timeoutMs = SDK_CALL_TIMEOUT_MS, signal, checkpoint }: CallOptions): Promise<HandlerResult> => {
  let signed: { body: string; signature: string };
  try {
    signed = signBody(body, signingKey, Date.now());
  } catch (error) {
    return { kind: "transport", error: `could not serialise the request body: ${describe(error)}` };
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
  timer.unref?.();
  const callSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const request = new Request(url, {
    method,
    headers: { "content-type": "application/json", "x-inngest-signature": signed.signature, ...headers },
    body: signed.body,
    signal: callSignal,
  });
  try {
    const aborted = rejectOnAbort(callSignal);
    aborted.catch(() => undefined); // NOTE: it may reject after the call settled (a late stop()); nobody waits then
    const response = await Promise.race([runInCallScope({ signal: callSignal, checkpoint }, () => (method === "POST" ? handler.POST : handler.PUT)(request, undefined)), aborted]);
    const text = await Promise.race([response.text(), aborted]);
    let parsed: unknown = text;
    try {
      parsed = text === "" ? null : JSON.parse(text);
    } catch {
      // NOTE: kept as text; a non-JSON body is judged below by its status and headers.
    }
    return { kind: "response", status: response.status, headers: response.headers, text, body: parsed };
  } catch (error) {
    if (signal?.aborted) return { kind: "abandoned", reason: describe(signal.reason) };
    return { kind: "transport", error: describe(callSignal.aborted ? callSignal.reason : error) };
  } finally {
    clearTimeout(timer);
  }
};

export type CallBodyInput = {
  event: RunEvent;
  events: RunEvent[];
  steps: Record<string, unknown>;
  stack: string[];
  runId: string;
  attempt: number;
  maxAttempts: number;
  disableImmediate: boolean;
  /**
   * Sent only for a discovery (`stepId=step`) of a run that is not parallel: `ctx.fn_id` and `ctx.qi_id`
   * switch on the SDK's async checkpointing (workflow-checkpointing.md §2). Both or neither.
   */
  checkpoint?: { fnId: string; queueItemId: string };
};

/** The call request body (§4.4). */
export const buildCallBody = (input: CallBodyInput) => ({
  event: input.event,
  events: input.events,
  steps: input.steps,
  ctx: {
    run_id: input.runId,
    attempt: input.attempt,
    max_attempts: input.maxAttempts,
    disable_immediate_execution: input.disableImmediate,
    use_api: false,
    stack: { stack: input.stack, current: input.stack.length },
    ...(input.checkpoint ? { fn_id: input.checkpoint.fnId, qi_id: input.checkpoint.queueItemId } : {}),
  },
  version: 2,
});

export type Op = {
  op: string;
  id: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown> & { timeout?: string; if?: string; event?: string; duration?: string; function_id?: string; payload?: { data?: Record<string, unknown> } };
  data?: unknown;
  error?: SerializedError;
};

/** What a reply means for the run, before anything is written (§4.6, §5.8). */
export type Verdict =
  | { type: "complete"; output: unknown }
  | { type: "ops"; ops: Op[]; retryAfter: string | null }
  | { type: "retry"; error: SerializedError; retryAfter: string | null }
  | { type: "fail"; error: SerializedError };

const asError = (body: unknown, fallback: string): SerializedError => {
  if (body && typeof body === "object" && typeof (body as SerializedError).message === "string") {
    const { name, message, stack } = body as SerializedError;
    return { ...(body as object), name: typeof name === "string" ? name : "Error", message, ...(stack ? { stack } : {}) };
  }
  return { name: "Error", message: typeof body === "string" && body ? `${fallback}: ${body.slice(0, 1_000)}` : fallback };
};

/**
 * Classifies a reply. The attempt budget is applied by the caller: a "retry" with no attempts left fails.
 * A response without `x-inngest-sdk-handled` did not come from the SDK and counts as a transport error.
 */
export const judgeReply = (result: Exclude<HandlerResult, { kind: "abandoned" }>): Verdict => {
  if (result.kind === "transport") return { type: "retry", error: { name: "TransportError", message: result.error }, retryAfter: null };
  const { status, headers, body } = result;
  if (!headers.get("x-inngest-sdk-handled")) {
    return { type: "retry", error: asError(body, `response ${status} did not come from the Inngest SDK`), retryAfter: null };
  }
  if (status === 401) {
    return {
      type: "fail",
      error: {
        name: "SigningError",
        message: "The workflow handler rejected the executor's request signature (401): the signing keys differ, or the clock is skewed by more than 5 minutes. Check INNGEST_SIGNING_KEY.",
      },
    };
  }
  const retryAfter = headers.get("retry-after");
  if (status === 200) return { type: "complete", output: body };
  if (status === 206) {
    if (Array.isArray(body)) return { type: "ops", ops: body as Op[], retryAfter };
    return { type: "retry", error: asError(body, "206 reply without ops"), retryAfter };
  }
  const noRetry = headers.get("x-inngest-no-retry");
  const isRetriable = noRetry !== null ? noRetry === "false" : !(status >= 400 && status < 500);
  const error = asError(body, `the function failed with status ${status}`);
  return isRetriable ? { type: "retry", error, retryAfter } : { type: "fail", error };
};
