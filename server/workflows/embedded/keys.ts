import "server-only";
import { evaluateExpression } from "./expr";

export type ConcurrencyEntry = { limit: number; key?: string; scope?: string };

/** `concurrency` arrives as a number, an object or an array of objects (§4.3); normalise to an array. */
export const normalizeConcurrency = (value: unknown): ConcurrencyEntry[] => {
  if (value === undefined || value === null) return [];
  if (typeof value === "number") return [{ limit: value }];
  if (Array.isArray(value)) return value.flatMap((entry) => normalizeConcurrency(entry));
  if (typeof value === "object") return [value as ConcurrencyEntry];
  return [];
};

const keyToString = (value: unknown) =>
  typeof value === "string" ? value : value === undefined || value === null ? "" : JSON.stringify(value);

/**
 * One evaluated key per concurrency entry, fixed at run creation. An unkeyed entry, or a key whose
 * evaluation fails, is the constant "": that limits more, never less (§5.7).
 */
export const evaluateConcurrencyKeys = (entries: ConcurrencyEntry[], event: unknown): string[] =>
  entries.map((entry) => {
    if (!entry.key) return "";
    const result = evaluateExpression(entry.key, { event });
    return result.ok ? keyToString(result.value) : "";
  });

/** The idempotency key, or undefined when it cannot be evaluated (then the run is not deduplicated). */
export const evaluateIdempotencyKey = (expression: string, event: unknown): string | undefined => {
  const result = evaluateExpression(expression, { event });
  if (!result.ok) {
    console.warn(`[workflows] idempotency key "${expression}" failed to evaluate, not deduplicating: ${result.error}`);
    return undefined;
  }
  return keyToString(result.value);
};
