import "server-only";
import { systemClock } from "@/server/clock";
import { db, type DbClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { tickCron } from "@/server/workflows/embedded/cron-ticks";
import { pokeWorkers } from "@/server/workflows/embedded/notifier";

/**
 * Run Now on a schedule in the System Queue: starts the cron function's run at once, exactly as its next
 * slot would (same event shape, its own slot id), without moving the schedule. Returns the new run's id.
 */
export const runScheduleNow = async ({ functionId }: { functionId: string }, client: DbClient = db) => {
  const schedule = await client.inngestCron.findFirst({ where: { functionId }, select: { functionId: true } });
  if (!schedule) {
    throw new AppError("NOT_FOUND", { userMessage: "This schedule does not exist." });
  }
  const runId = await tickCron({ db: client, clock: systemClock }, functionId);
  if (!runId) {
    // NOTE: a second click within the same millisecond hits the slot's dedupe window: that run already started.
    throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "A run of this schedule was just started. Refresh to see it." });
  }
  pokeWorkers();
  return { runId };
};
