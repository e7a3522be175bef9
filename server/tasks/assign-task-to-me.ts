import "server-only";
import { db, type DbClient } from "@/server/db";
import { AppError } from "@/server/errors";

export type AssignTaskToMeOptions = { taskId: string; staffId: string };

/**
 * "Assign to Me": the staff member takes an open task, which moves it to IN_PROGRESS.
 * Taking a task someone else holds re-assigns it (staff cover for each other); a closed task cannot be taken.
 */
export const assignTaskToMe = async ({ taskId, staffId }: AssignTaskToMeOptions, client: DbClient = db) => {
  const { count } = await client.task.updateMany({
    where: { id: taskId, status: { in: ["OPEN", "IN_PROGRESS"] } },
    data: { assigneeId: staffId, status: "IN_PROGRESS" },
  });
  if (count === 1) return { taskId, status: "IN_PROGRESS" as const };
  const task = await client.task.findUnique({ where: { id: taskId }, select: { status: true } });
  if (!task) throw new AppError("NOT_FOUND", { userMessage: "This task does not exist." });
  throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "This task is already closed and cannot be assigned." });
};
