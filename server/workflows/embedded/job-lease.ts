import "server-only";
import type { Clock } from "@/server/clock";
import type { DbClient } from "@/server/db";
import { extendJobLease, type ClaimedJob } from "./queue";

/** Why a call was abandoned: its claim is gone, or can no longer be proven. */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

type HoldOptions = { db: DbClient; clock: Clock; job: ClaimedJob; leaseMs: number };

/**
 * Keeps a job's lease while its SDK call runs: a heartbeat every leaseMs/3 extends it, fenced on the claim.
 * The signal aborts when the claim is gone (re-claimed after the lease lapsed, or deleted because the run
 * was cancelled), or when renewals keep failing until the lease has run out: from then on another delivery
 * may run the same step, so the caller abandons the call and drops its reply. The fence on every write
 * is what guarantees that; the abort only stops waiting for a call whose result can no longer count.
 */
export const holdJobLease = ({ db, clock, job, leaseMs }: HoldOptions) => {
  const controller = new AbortController();
  let heldUntilMs = clock.now() + leaseMs;
  const renew = async () => {
    const untilMs = clock.now() + leaseMs;
    try {
      if (await extendJobLease(db, job, untilMs)) {
        heldUntilMs = untilMs;
        return;
      }
      controller.abort(new LeaseLostError(`job ${job.id} of run ${job.runId} was claimed again or deleted while its call ran`));
    } catch (error) {
      console.error(`[workflows] job ${job.id} (run ${job.runId}): could not extend its lease:`, error);
      if (clock.now() >= heldUntilMs) controller.abort(new LeaseLostError(`job ${job.id} of run ${job.runId}: its lease ran out while renewals failed`));
    }
  };
  const timer = setInterval(() => void renew(), Math.max(leaseMs / 3, 50));
  timer.unref?.();
  return {
    signal: controller.signal,
    /** Abandons the call (executor shutdown). */
    abort: (reason: Error) => controller.abort(reason),
    release: () => clearInterval(timer),
  };
};
