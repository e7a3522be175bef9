import { MAX_RUN_RETENTION_DAYS, MIN_RUN_RETENTION_DAYS } from "@/server/system-queue/system-queue.schemas";
import { getRunRetentionDays } from "@/server/system-queue/retention/run-retention-setting";
import { RunRetentionForm } from "./run-retention-form";

/** Settings → Workflow history: how long the System Queue keeps ended runs and events. The page checks staff access. */
export const WorkflowHistorySection = async () => {
  const days = await getRunRetentionDays();
  return (
    <section aria-labelledby="workflow-history" className="space-y-3">
      <h2 id="workflow-history" className="text-lg font-semibold">Workflow history</h2>
      <p className="text-sm text-slate-600">
        Completed, failed and cancelled workflow runs (with their steps) and received events older than this are deleted
        every night by the &ldquo;Purge old workflow runs and events&rdquo; workflow (System Queue, Scheduled). Runs that are
        still active, and the events they were started by, are always kept.
      </p>
      <RunRetentionForm days={days} minDays={MIN_RUN_RETENTION_DAYS} maxDays={MAX_RUN_RETENTION_DAYS} />
    </section>
  );
};
