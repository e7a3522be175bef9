import "server-only";
import { TRPCError } from "@trpc/server";
import { now } from "@/server/clock";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { assignTaskToMe } from "./assign-task-to-me";
import { closeTask } from "./close-task";
import { getTask, listDepartments, listTasks } from "./task-queries";
import { ZCloseTaskInput, ZListTasksInput, ZTaskIdInput } from "./tasks.schemas";

/** Staff tasks (manual setup and operations that need a person). */
export const tasksRouter = createTRPCRouter({
  list: staffProcedure("tasks.read").input(ZListTasksInput).query(({ input }) => listTasks(input)),

  departments: staffProcedure("tasks.read").query(() => listDepartments()),

  get: staffProcedure("tasks.read").input(ZTaskIdInput).query(async ({ input }) => {
    const task = await getTask(input);
    if (!task) throw new TRPCError({ code: "NOT_FOUND", message: "This task does not exist." });
    return task;
  }),

  assignToMe: staffProcedure("tasks.work").input(ZTaskIdInput).mutation(({ input, ctx }) => assignTaskToMe({ taskId: input.taskId, staffId: ctx.principal.staffId })),

  close: staffProcedure("tasks.work")
    .input(ZCloseTaskInput)
    .mutation(({ input: { taskId, ...result }, ctx }) => closeTask({ taskId, result, staffId: ctx.principal.staffId, now: now() })),
});
