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
  listRuns: staffProcedure.input(ZListRunsInput).query(({ input }) => listRuns({ ...input, now: now() })),
  countRuns: staffProcedure.input(ZCountRunsInput).query(({ input }) => countRunsByStatus(input)),
  listFunctions: staffProcedure.query(() => listWorkflowFunctions()),
  getRun: staffProcedure.input(ZRunIdInput).query(async ({ input }) => {
    const run = await getRunDetail({ runId: input.runId, now: now() });
    if (!run) {
      throw new AppError("NOT_FOUND", { userMessage: "This run does not exist." });
    }
    return run;
  }),
  listSchedules: staffProcedure.query(() => listSchedules()),
  listRecentEvents: staffProcedure.input(ZListRecentEventsInput).query(({ input }) => listRecentEvents(input)),
  retryRun: staffProcedure.input(ZRunIdInput).mutation(({ input }) => retryQueueRun(input)),
  cancelRun: staffProcedure.input(ZRunIdInput).mutation(({ input }) => cancelQueueRun(input)),
  runNow: staffProcedure.input(ZRunIdInput).mutation(({ input }) => runQueueRunNow(input)),
  runScheduleNow: staffProcedure.input(ZFunctionIdInput).mutation(({ input }) => runScheduleNow(input)),
  /** Admin → Settings, "Workflow history". The page reads the current value itself (getRunRetentionDays). */
  updateRunRetention: staffProcedure
    .input(ZUpdateRunRetentionInput)
    .mutation(({ input, ctx }) => updateRunRetention({ days: input.days, staffId: ctx.principal.staffId })),
});
