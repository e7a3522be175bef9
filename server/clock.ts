/**
 * The application's one time source. Use cases take `now` as an option; callers get it from here.
 * Scenario tests fake `Date` (vi.setSystemTime), which moves this clock, the executor and the SDK's
 * signature check together. End-to-end runs (E2E_HOOKS=1 only) can shift it forward with an offset.
 */
export type Clock = { now: () => number };

type ClockGlobals = { hostlaneClockOffsetMs?: number };
// NOTE: on globalThis so the route bundles and instrumentation.ts share one offset.
const globals = globalThis as ClockGlobals;

export const systemClock: Clock = { now: () => Date.now() + (globals.hostlaneClockOffsetMs ?? 0) };

export const now = () => new Date(systemClock.now());

/** Moves the application clock forward; only the E2E test hooks call this. */
export const shiftSystemClock = (ms: number) => {
  globals.hostlaneClockOffsetMs = (globals.hostlaneClockOffsetMs ?? 0) + ms;
};
