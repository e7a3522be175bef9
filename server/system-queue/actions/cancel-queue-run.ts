import "server-only";
import { db, type DbClient } from "@/server/db";
import { cancelRun } from "@/server/workflows/embedded/actions";
import { assertRunExists, toRunActionError } from "./run-action-errors";

/** Cancel from the System Queue: the run ends CANCELLED and nothing of it runs again (an ended run is refused). */
export const cancelQueueRun = async ({ runId }: { runId: string }, client: DbClient = db) => {
  await assertRunExists(client, runId);
  try {
    return await cancelRun({ runId }, { db: client });
  } catch (error) {
    throw toRunActionError(error);
  }
};
