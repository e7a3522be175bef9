// Pure helpers that turn executor rows (op codes, `{"v": …}` memos, serialized errors) into what the run
// detail shows. No database access, so they are unit-tested on their own.

export type TQueueError = { name: string; message: string; stack: string | null };

/** A memoised step result: `{data}` from step.run / invoke, `{error}` when it failed, anything else raw. */
export type TStepResult =
  | { kind: "data"; value: unknown }
  | { kind: "error"; error: TQueueError }
  | { kind: "raw"; value: unknown };

/**
 * - completed: memoised with a value (a sleep or a timed-out wait memoises null, which still counts);
 * - failed: memoised with `{error}` (retries exhausted, NonRetriableError, or a failed invoke);
 * - retrying: not memoised yet, and at least one attempt failed with a retriable error;
 * - pending: not memoised yet (planned, sleeping, waiting for an event or an invoked run).
 */
export type TStepStatus = "completed" | "failed" | "pending" | "retrying";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Accepts the SDK's serialized errors and anything else a thrower produced, never failing on odd shapes. */
export const toQueueError = (value: unknown): TQueueError => {
  if (isPlainObject(value)) {
    return {
      name: typeof value.name === "string" ? value.name : "Error",
      message: typeof value.message === "string" ? value.message : JSON.stringify(value),
      stack: typeof value.stack === "string" ? value.stack : null,
    };
  }
  return { name: "Error", message: typeof value === "string" ? value : JSON.stringify(value ?? null), stack: null };
};

/** Reads an InngestStep memo (`{"v": …}`, or null while pending). */
export const parseStepMemo = (memo: unknown): TStepResult | null => {
  if (!isPlainObject(memo) || !("v" in memo)) return null;
  const value = memo.v;
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    // NOTE: a matched waitForEvent memoises the whole event, which also has `data`; only a bare
    // `{data}` / `{error}` is the SDK's step result envelope.
    if (keys.length === 1 && keys[0] === "data") return { kind: "data", value: value.data };
    if (keys.length === 1 && keys[0] === "error") return { kind: "error", error: toQueueError(value.error) };
  }
  return { kind: "raw", value };
};

export const stepStatusOf = ({ result, lastError }: { result: TStepResult | null; lastError: unknown }): TStepStatus => {
  if (result) return result.kind === "error" ? "failed" : "completed";
  return lastError === null || lastError === undefined ? "pending" : "retrying";
};

const OP_LABELS: Record<string, string> = {
  StepRun: "Step",
  StepPlanned: "Step",
  StepFailed: "Step",
  StepError: "Step",
  Sleep: "Sleep",
  WaitForEvent: "Wait for event",
  InvokeFunction: "Invoke",
};

/** The op code in staff words; unknown codes show as they are rather than being hidden. */
export const stepOpLabel = (op: string) => OP_LABELS[op] ?? op;
