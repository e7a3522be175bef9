import "server-only";
import { parse, type ParseResult } from "@marcbachmann/cel-js";

// NOTE: parsed expressions are cached: the same few trigger/pause expressions are evaluated on every event.
const cache = new Map<string, ParseResult>();

const compile = (expression: string) => {
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = parse(expression);
    if (cache.size > 1_000) cache.clear();
    cache.set(expression, compiled);
  }
  return compiled;
};

export type EvalResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Evaluates a CEL expression. Never throws: CEL throws on missing keys and int/double mixes, and each
 * caller decides what an error means (no match, the constant key, no dedupe; §5.11).
 */
export const evaluateExpression = (expression: string, context: Record<string, unknown>): EvalResult => {
  try {
    return { ok: true, value: compile(expression)(context) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};

/** Trigger `expression`, waitForEvent `if`, `cancel[].if`: an error or a non-true value is no match. */
export const matchesExpression = (expression: string | undefined | null, context: Record<string, unknown>) =>
  !expression || (() => {
    const result = evaluateExpression(expression, context);
    return result.ok && result.value === true;
  })();
