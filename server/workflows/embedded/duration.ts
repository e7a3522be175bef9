import "server-only";

const UNIT_MS: Record<string, number> = {
  ms: 1, millisecond: 1, milliseconds: 1,
  s: 1_000, sec: 1_000, secs: 1_000, second: 1_000, seconds: 1_000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
  y: 31_557_600_000, year: 31_557_600_000, years: 31_557_600_000,
};

/** Inngest caps sleeps and waitForEvent timeouts at 366 days (§4.8). */
export const MAX_SLEEP_MS = 366 * 86_400_000;

const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;

/**
 * Parses a duration in `ms` syntax ("8d", "1.5 hours", "500ms") or Go compound units ("1w2d3h4m5s",
 * what the SDK sends). The empty string is 0 (the SDK's zero duration). Returns undefined when unparsable.
 */
export const parseDurationMs = (input: string | number): number | undefined => {
  if (typeof input === "number") return Number.isFinite(input) && input >= 0 ? input : undefined;
  const text = input.trim().toLowerCase();
  if (text === "") return 0;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    const unit = UNIT_MS[match[2]!];
    if (unit === undefined) return undefined;
    total += Number(match[1]) * unit;
    while (text[PART.lastIndex] === " ") PART.lastIndex += 1;
    consumed = PART.lastIndex;
  }
  return consumed === text.length ? Math.round(total) : undefined;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T|$)/;

/**
 * Resolves a sleep/timeout value to an absolute time: an ISO date is taken as is, anything else is a
 * duration from `nowMs`. Returns undefined when unparsable.
 */
export const resolveTimeMs = (value: string, nowMs: number): number | undefined => {
  if (ISO_DATE.test(value.trim())) {
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : at;
  }
  const ms = parseDurationMs(value);
  return ms === undefined ? undefined : nowMs + ms;
};

/** `retry-after`: a plain number of seconds, an ISO date, or a duration (§4.6, §4.8). */
export const parseRetryAfterMs = (value: string | null, nowMs: number): number | undefined => {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return nowMs + Number(trimmed) * 1_000;
  // An HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT") is the one other absolute form a proxy might send.
  const isHttpDate = /^[A-Za-z]{3}, /.test(trimmed);
  if (isHttpDate && !Number.isNaN(Date.parse(trimmed))) return Date.parse(trimmed);
  return resolveTimeMs(trimmed, nowMs);
};
