/** The first retry of an undelivered event waits this long; each further failure doubles it. */
export const FIRST_RETRY_DELAY_MS = 1_000;
/**
 * The longest wait between two attempts. Short on purpose: an event stuck here is a paid client not being
 * provisioned, so once the Event API is back every event goes out within five minutes.
 */
export const MAX_RETRY_DELAY_MS = 5 * 60_000;
/** Up to this share of the delay is added at random, so many instances do not retry in lockstep. */
const JITTER_RATIO = 0.1;

/** How long the relay waits after the `attempts`-th failed attempt (1-based) before trying again. */
export const outboxRetryDelayMs = (attempts: number, random: () => number = Math.random) => {
  const base = Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_DELAY_MS);
  return base + Math.floor(random() * base * JITTER_RATIO);
};
