import { z } from "zod";
import { RUN_DISPLAY_STATUSES } from "./run-display-statuses";

export { RUN_DISPLAY_STATUSES };
export const ZRunDisplayStatus = z.enum(RUN_DISPLAY_STATUSES);
export type TRunDisplayStatus = z.infer<typeof ZRunDisplayStatus>;

/** Runs per page unless the caller asks otherwise; MAX_RUNS_PAGE_SIZE keeps one request cheap. */
export const DEFAULT_RUNS_PAGE_SIZE = 25;
export const MAX_RUNS_PAGE_SIZE = 100;

// NOTE: run ids are ULIDs (26 chars) minted by the executor; the bound only keeps junk input short.
const ZRunId = z.string().min(1).max(64);

/**
 * Keyset pagination over run ids (ULIDs sort by creation time), newest first. Without a cursor: the newest
 * page. `older`: runs created before `cursor`; `newer`: runs created after it. Keyset rather than offset
 * because live refresh keeps adding runs at the top, which would shift offset pages under the reader.
 */
export const ZListRunsInput = z.object({
  status: ZRunDisplayStatus.optional(),
  functionId: z.string().min(1).max(200).optional(),
  cursor: ZRunId.optional(),
  direction: z.enum(["older", "newer"]).default("older"),
  limit: z.number().int().min(1).max(MAX_RUNS_PAGE_SIZE).default(DEFAULT_RUNS_PAGE_SIZE),
});
export type TListRunsInput = z.input<typeof ZListRunsInput>;

export const ZCountRunsInput = z.object({ functionId: z.string().min(1).max(200).optional() });
export type TCountRunsInput = z.infer<typeof ZCountRunsInput>;

export const ZRunIdInput = z.object({ runId: ZRunId });
export type TRunIdInput = z.infer<typeof ZRunIdInput>;

/** Recent events; the executor's own lifecycle events (`inngest/…`) are hidden unless asked for. */
export const MAX_RECENT_EVENTS = 100;
export const ZListRecentEventsInput = z.object({
  limit: z.number().int().min(1).max(MAX_RECENT_EVENTS).default(20),
  includeInternal: z.boolean().default(false),
});
export type TListRecentEventsInput = z.input<typeof ZListRecentEventsInput>;

/** Retention of ended workflow runs and old events, in days (Admin → Settings). */
export const DEFAULT_RUN_RETENTION_DAYS = 30;
export const MIN_RUN_RETENTION_DAYS = 1;
export const MAX_RUN_RETENTION_DAYS = 3650;
const RETENTION_DAYS_MESSAGE = `Enter a whole number of days from ${MIN_RUN_RETENTION_DAYS} to ${MAX_RUN_RETENTION_DAYS}.`;
export const ZRunRetentionDays = z
  .number({ error: RETENTION_DAYS_MESSAGE })
  .int({ error: RETENTION_DAYS_MESSAGE })
  .min(MIN_RUN_RETENTION_DAYS, { error: RETENTION_DAYS_MESSAGE })
  .max(MAX_RUN_RETENTION_DAYS, { error: RETENTION_DAYS_MESSAGE });

export const ZUpdateRunRetentionInput = z.object({ days: ZRunRetentionDays });
export type TUpdateRunRetentionInput = z.infer<typeof ZUpdateRunRetentionInput>;

/** Fires a cron function's schedule now (the same run its next slot would start). */
export const ZFunctionIdInput = z.object({ functionId: z.string().min(1).max(200) });
export type TFunctionIdInput = z.infer<typeof ZFunctionIdInput>;
