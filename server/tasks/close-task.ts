import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db, type DbClient } from "@/server/db";
import { AppError, type FieldErrors } from "@/server/errors";
import { emitEvents, pokeEventDelivery } from "@/server/workflows/emit";
import { taskClosed } from "@/server/workflows/events";
import { isSetupTaskPurpose } from "./task-purposes";
import type { TTaskResult } from "./tasks.schemas";

export type CloseTaskOptions = { taskId: string; staffId: string; result: TTaskResult; now: Date };

/** The deterministic event id, so a repeated send within 24 h is dropped. */
export const taskClosedEventId = (taskId: string) => `task-closed-${taskId}`;

/** Setup tasks hand their details to the package, so a package never goes live without its login and server. */
const requiredFieldErrors = (purpose: string, result: TTaskResult): FieldErrors => {
  if (!isSetupTaskPurpose(purpose)) return {};
  const errors: FieldErrors = {};
  if (!result.username) errors.username = ["Enter the user name of the new account."];
  if (!result.server) errors.server = ["Enter the server the package was set up on."];
  return errors;
};

const writeClose = async ({ taskId, staffId, result, now }: CloseTaskOptions, tx: DbClient) => {
  const task = await tx.task.findUnique({ where: { id: taskId }, select: { status: true, purpose: true, serviceId: true } });
  if (!task) throw new AppError("NOT_FOUND", { userMessage: "This task does not exist." });
  if (task.status === "CLOSED") {
    throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "This task is already closed." });
  }
  const fieldErrors = requiredFieldErrors(task.purpose, result);
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID_INPUT", { userMessage: "Please correct the highlighted fields.", fieldErrors });
  }
  // NOTE: conditional, so two staff closing at once cannot both win (the second sees count 0).
  const { count } = await tx.task.updateMany({
    where: { id: taskId, status: { in: ["OPEN", "IN_PROGRESS"] } },
    data: { status: "CLOSED", closedById: staffId, closedAt: now, result },
  });
  if (count !== 1) throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "This task is already closed." });
  await writeAuditEntry(
    {
      actor: { kind: "staff", staffId },
      action: "task.closed",
      entity: { type: "Task", id: taskId },
      before: { status: task.status },
      after: { status: "CLOSED", closedAt: now, result },
      details: { serviceId: task.serviceId },
    },
    tx,
  );
  await emitEvents([taskClosed.create({ taskId }, { id: taskClosedEventId(taskId) })], tx);
};

/**
 * Closes an OPEN or IN_PROGRESS task with the details staff entered ("Close Task") and announces
 * `tasks/task.closed` in the same transaction (emit.ts), so the workflow waiting on the task resumes exactly
 * when the close commits.
 *
 * NOTE: takes the root client and owns its transaction, so it can wake event delivery right after the commit.
 */
export const closeTask = async (options: CloseTaskOptions, client: typeof db = db) => {
  await client.$transaction((tx) => writeClose(options, tx));
  pokeEventDelivery();
  return { taskId: options.taskId, status: "CLOSED" as const };
};
