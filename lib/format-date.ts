// NOTE: business dates are stored in UTC and shown in UTC, so the server render and the browser agree.
const DATE_FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Formats a date for display, e.g. "Nov 22, 2026"; null shows as an em dash. */
export const formatDate = (date: Date | null | undefined) => (date ? DATE_FORMAT.format(date) : "—");
