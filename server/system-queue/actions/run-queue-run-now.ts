import "server-only";
import { db, type DbClient } from "@/server/db";
import { runNow } from "@/server/workflows/embedded/actions";
import { assertRunExists, toRunActionError } from "./run-action-errors";

/**
 * Run Now from the System Queue: a sleeping run's wake-up, or a step's backoff retry, becomes due at once
 * and the worker is poked. A run waiting for an event has nothing to bring forward and is refused.
 */
export const runQueueRunNow = async ({ runId }: { runId: string }, client: DbClient = db) => {
  await assertRunExists(client, runId);
  try {
    return await runNow({ runId }, { db: client });
  } catch (error) {
    throw toRunActionError(error);
  }
};
