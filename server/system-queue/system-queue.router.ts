import "server-only";
import { now } from "@/server/clock";
import { AppError } from "@/server/errors";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { cancelQueueRun } from "./actions/cancel-queue-run";
import { retryQueueRun } from "./actions/retry-queue-run";
import { runQueueRunNow } from "./actions/run-queue-run-now";
import { runScheduleNow } from "./actions/run-schedule-now";
import { listRecentEvents } from "./events/list-recent-events";
import { listWorkflowFunctions } from "./functions/list-workflow-functions";
import { countRunsByStatus } from "./runs/count-runs-by-status";
import { getRunDetail } from "./runs/get-run-detail";
import { updateRunRetention } from "./retention/update-run-retention";
import { listRuns } from "./runs/list-runs";
import { listSchedules } from "./schedules/list-schedules";
import {
  ZCountRunsInput,
  ZFunctionIdInput,
  ZListRecentEventsInput,
  ZListRunsInput,
  ZRunIdInput,
  ZUpdateRunRetentionInput,
} from "./system-queue.schemas";

/** The admin System Queue (product.md §6): workflow runs, schedules and events, and the staff actions on runs. */
export const systemQueueRouter = createTRPCRouter({
  listRuns: staffProcedure("queue.read").input(ZListRunsInput).query(({ input }) => listRuns({ ...input, now: now() })),
  countRuns: staffProcedure("queue.read").input(ZCountRunsInput).query(({ input }) => countRunsByStatus(input)),
  listFunctions: staffProcedure("queue.read").query(() => listWorkflowFunctions()),
  getRun: staffProcedure("queue.read").input(ZRunIdInput).query(async ({ input }) => {
    const run = await getRunDetail({ runId: input.runId, now: now() });
    if (!run) {
      throw new AppError("NOT_FOUND", { userMessage: "This run does not exist." });
    }
    return run;
  }),
  listSchedules: staffProcedure("queue.read").query(() => listSchedules()),
  listRecentEvents: staffProcedure("queue.read").input(ZListRecentEventsInput).query(({ input }) => listRecentEvents(input)),
  retryRun: staffProcedure("queue.manage").input(ZRunIdInput).mutation(({ input }) => retryQueueRun(input)),
  cancelRun: staffProcedure("queue.manage").input(ZRunIdInput).mutation(({ input }) => cancelQueueRun(input)),
  runNow: staffProcedure("queue.manage").input(ZRunIdInput).mutation(({ input }) => runQueueRunNow(input)),
  runScheduleNow: staffProcedure("queue.manage").input(ZFunctionIdInput).mutation(({ input }) => runScheduleNow(input)),
  /** Admin → Settings, "Workflow history". The page reads the current value itself (getRunRetentionDays). */
  updateRunRetention: staffProcedure("settings.manage")
    .input(ZUpdateRunRetentionInput)
    .mutation(({ input, ctx }) => updateRunRetention({ days: input.days, staffId: ctx.principal.staffId })),
});
