import "server-only";
import { now } from "@/server/clock";
import { deleteEndedRuns } from "@/server/system-queue/retention/delete-ended-runs";
import { deleteOldEvents } from "@/server/system-queue/retention/delete-old-events";
import { getRetentionCutoff } from "@/server/system-queue/retention/run-retention-setting";
import { inngest } from "../client";

/**
 * Steps per kind of row in one run. Each step deletes up to 10 batches (10,000 runs or 50,000 events) in
 * short transactions, so one run clears up to about 2 million ended runs; a backlog beyond that (years of
 * downtime) continues on the next day's run.
 */
const MAX_ROUNDS = 200;

/**
 * Retention (Admin → Settings, "Workflow history"): deletes ended workflow runs with their steps, and
 * events, older than the configured number of days (default 30). Daily at 03:17 UTC, and on "Run Now" from
 * the System Queue.
 *
 * Retry contract: every step only deletes rows older than the cutoff fixed in the first step, in batches that
 * each commit on their own, so a retried or replayed step simply finds fewer rows. One run at a time.
 */
export const purgeWorkflowHistory = inngest.createFunction(
  {
    id: "purge-workflow-history",
    name: "Purge old workflow runs and events",
    triggers: [{ cron: "17 3 * * *" }],
    retries: 3,
    concurrency: { limit: 1 },
  },
  async ({ step }) => {
    const { days, cutoff } = await step.run("load-retention", async () => {
      const retention = await getRetentionCutoff({ now: now() });
      return { days: retention.days, cutoff: retention.cutoff.toISOString() };
    });

    const deleted = { runs: 0, steps: 0, events: 0 };
    let isDone = false;
    for (let round = 0; round < MAX_ROUNDS && !isDone; round += 1) {
      const batch = await step.run(`delete-ended-runs-${round}`, () => deleteEndedRuns({ endedBefore: new Date(cutoff) }));
      deleted.runs += batch.runs;
      deleted.steps += batch.steps;
      isDone = batch.isDone;
    }
    let areEventsDone = false;
    for (let round = 0; round < MAX_ROUNDS && !areEventsDone; round += 1) {
      const batch = await step.run(`delete-old-events-${round}`, () => deleteOldEvents({ receivedBefore: new Date(cutoff) }));
      deleted.events += batch.events;
      areEventsDone = batch.isDone;
    }
    return { days, cutoff, ...deleted, isDone: isDone && areEventsDone };
  },
);
