// NOTE: its own module without zod, because the System Queue's client components import it: zod in the
// browser probes for eval (`Function("")`) when it builds an object schema, which the CSP reports as a
// violation (e2e/security/csp.spec.ts).

/**
 * What staff see as a run's status. The executor stores only RUNNING | WAITING | COMPLETED | FAILED |
 * CANCELLED; the two active ones are split by what the run is doing:
 * - QUEUED: RUNNING, but no step has started and no call has been attempted yet (waiting for a worker);
 * - RUNNING: a step call is due, in flight, or waiting out a retry backoff;
 * - SLEEPING: WAITING, and a WAKE job (step.sleep / sleepUntil) is what comes next;
 * - WAITING: WAITING on an event (step.waitForEvent) or an invoked run (step.invoke);
 * - COMPLETED / FAILED / CANCELLED: ended; nothing of the run is scheduled any more.
 */
export const RUN_DISPLAY_STATUSES = ["QUEUED", "RUNNING", "SLEEPING", "WAITING", "COMPLETED", "FAILED", "CANCELLED"] as const;
