import "server-only";

/** Inngest's retry backoff table (§5.8), indexed by the attempt that just failed, capped at 2 h. */
export const BACKOFF_TABLE_MS = [
  15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 2_400_000, 3_600_000, 7_200_000,
];
export const MAX_JITTER_MS = 30_000;

/** "table" (the default) or a custom function of the failed 0-based attempt, returning a delay in ms. */
export type Backoff = "table" | ((attempt: number) => number);

export const tableBackoffMs = (attempt: number, random: () => number = Math.random) =>
  BACKOFF_TABLE_MS[Math.min(Math.max(attempt, 0), BACKOFF_TABLE_MS.length - 1)]! + Math.floor(random() * MAX_JITTER_MS);

export const backoffDelayMs = (backoff: Backoff, attempt: number, random?: () => number) =>
  backoff === "table" ? tableBackoffMs(attempt, random) : backoff(attempt);
