/**
 * What staff see as a run's status. The executor stores only RUNNING | WAITING | COMPLETED | FAILED |
 * CANCELLED; the two active ones are split by what the run is doing:
 * - QUEUED: RUNNING, but no step has started and no call has been attempted yet (waiting for a worker);
 * - RUNNING: a step call is due, in flight, or waiting out a retry backoff;
 * - SLEEPING: WAITING, and a WAKE job (step.sleep / sleepUntil) is what comes next;
 * - WAITING: WAITING on an event (step.waitForEvent) or an invoked run (step.invoke);
 * - COMPLETED / FAILED / CANCELLED: ended; nothing of the run is scheduled any more.
 *
 * NOTE: a module of its own, without zod: the System Queue's client components import it, and a z.object built
 * in a browser bundle makes zod 4 probe `new Function` (its JIT check), which the CSP (no 'unsafe-eval') blocks
 * and the browser reports as a violation.
 */
export const RUN_DISPLAY_STATUSES = ["QUEUED", "RUNNING", "SLEEPING", "WAITING", "COMPLETED", "FAILED", "CANCELLED"] as const;
export type TRunDisplayStatus = (typeof RUN_DISPLAY_STATUSES)[number];
