import "server-only";
import { db, type DbClient } from "@/server/db";
import { retryRun } from "@/server/workflows/embedded/actions";
import { assertRunExists, toRunActionError } from "./run-action-errors";

/**
 * Retry from the System Queue. A FAILED or CANCELLED run starts a new run of the same function from the
 * stored event (the old run stays as it was); an active run waiting out a retry backoff retries now.
 * Returns the id of the run to look at next.
 */
export const retryQueueRun = async ({ runId }: { runId: string }, client: DbClient = db) => {
  await assertRunExists(client, runId);
  try {
    return await retryRun({ runId }, { db: client });
  } catch (error) {
    throw toRunActionError(error);
  }
};
