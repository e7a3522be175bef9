import { formatJson } from "./format";

/**
 * Pretty-printed JSON. The block scrolls instead of wrapping long payloads, so it takes keyboard focus
 * (tabIndex) and a name, letting keyboard users scroll it too.
 */
export const JsonBlock = ({ value, label }: { value: unknown; label: string }) => (
  <pre
    tabIndex={0}
    aria-label={label}
    className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
  >
    <code>{formatJson(value)}</code>
  </pre>
);
