// NOTE: UTC, like formatDate, so the server render and the browser agree.
const DATE_TIME_FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Formats an instant for display, e.g. "Nov 22, 2026, 4:05 AM UTC"; null shows as an em dash. */
export const formatDateTime = (date: Date | null | undefined) => (date ? `${DATE_TIME_FORMAT.format(date)} UTC` : "—");
