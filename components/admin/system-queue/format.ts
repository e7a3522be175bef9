// NOTE: times show in UTC, like every business date in the app (lib/format-date.ts), so the server render
// and the browser agree and staff in different zones read the same value. No "3 min ago": relative
// times would differ between the server render and hydration.
const DATE_TIME_FORMAT = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "medium",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "Mar 1, 2026, 09:00:00 UTC"; null shows as an em dash. */
export const formatDateTime = (date: Date | null | undefined) => (date ? `${DATE_TIME_FORMAT.format(date)} UTC` : "—");

/** "2026-03-01 21:05:09": compact for table cells, whose headers say the times are UTC. */
export const formatDateTimeCompact = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 19).replace("T", " ") : "—");

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A compact duration: "350 ms", "12.4 s", "4 min 5 s", "3 h 2 min", "2 d 4 h". */
export const formatDuration = (ms: number | null | undefined) => {
  if (ms === null || ms === undefined || ms < 0) return "—";
  if (ms < SECOND_MS) return `${ms} ms`;
  if (ms < MINUTE_MS) return `${(ms / SECOND_MS).toFixed(1)} s`;
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} min ${Math.floor((ms % MINUTE_MS) / SECOND_MS)} s`;
  if (ms < DAY_MS) return `${Math.floor(ms / HOUR_MS)} h ${Math.floor((ms % HOUR_MS) / MINUTE_MS)} min`;
  return `${Math.floor(ms / DAY_MS)} d ${Math.floor((ms % DAY_MS) / HOUR_MS)} h`;
};

export const durationBetween = (start: Date | null, end: Date | null) => (start && end ? end.getTime() - start.getTime() : null);

/** Pretty JSON for payloads and results; `undefined` (nothing stored) reads as null. */
export const formatJson = (value: unknown) => JSON.stringify(value ?? null, null, 2) ?? "null";
