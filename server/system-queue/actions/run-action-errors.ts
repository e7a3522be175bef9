import "server-only";
import type { DbClient } from "@/server/db";
import { AppError } from "@/server/errors";

/** NOT_FOUND for an unknown run, before an action runs, so a bad id never reads as a state problem. */
export const assertRunExists = async (client: DbClient, runId: string) => {
  const run = await client.inngestRun.findUnique({ where: { id: runId }, select: { id: true } });
  if (!run) {
    throw new AppError("NOT_FOUND", { userMessage: "This run does not exist." });
  }
};

/**
 * The executor's actions throw a plain `Error` whose message says why the run is not in a state that
 * allows the action ("it has already ended (COMPLETED)"). Those become INVALID_STATE_TRANSITION with that
 * message, which staff see. Anything else (a database error, a subclass) is unexpected and propagates, so
 * it is logged and shown as the generic message.
 */
export const toRunActionError = (error: unknown) =>
  error instanceof Error && Object.getPrototypeOf(error) === Error.prototype
    ? new AppError("INVALID_STATE_TRANSITION", { userMessage: error.message, cause: error })
    : error;
