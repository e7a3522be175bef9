const MINUTE_MS = 60_000;

/**
 * Waits before each retry after a 4xx reply or a connection error, counted from the failed attempt:
 * 1 min, 5 min, 15 min, 1 h, 4 h, 12 h, 24 h, 24 h. About 2 days 17 h in all, so an SMTP server that is down over a
 * weekend still gets the mail; after the last one the mail is FAILED and staff can resend it.
 * The deliver-mail sweep runs every minute, so a retry starts within a minute of its time.
 */
export const MAIL_RETRY_DELAYS_MS = [1, 5, 15, 60, 240, 720, 1_440, 1_440].map((minutes) => minutes * MINUTE_MS);

/** When to try again after `attempts` failed attempts, or null when the retries are used up. */
export const nextMailAttemptAt = (attempts: number, failedAt: Date): Date | null => {
  const delayMs = MAIL_RETRY_DELAYS_MS[attempts - 1];
  return delayMs === undefined ? null : new Date(failedAt.getTime() + delayMs);
};
