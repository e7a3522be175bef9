import "server-only";
import type { ControllableClock } from "./executor";

type ViLike = { setSystemTime: (time: number | Date) => unknown };

/**
 * The executor clock for Vitest scenario tests (§6): reads the faked Date and moves it with
 * vi.setSystemTime, so use cases, the executor and the SDK's signature check agree at every instant.
 * Call vi.useFakeTimers({ toFake: ["Date"] }) first.
 */
export const fakeDateClock = (vi: ViLike): ControllableClock & { set: (ms: number) => void } => ({
  now: () => Date.now(),
  set: (ms: number) => {
    vi.setSystemTime(ms);
  },
});

/** Backoff for tests that want retries without walking the table: a fixed delay per attempt. */
export const fixedBackoff = (ms: number) => () => ms;

/** Jitter source that always picks 0, so backoff times are exact in assertions. */
export const noJitter = () => 0;
