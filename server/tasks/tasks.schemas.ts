import { z } from "zod";
import { ZRecordId } from "@/server/validation/safe-text";

export const TASK_STATUS_FILTERS = ["open", "closed", "all"] as const;

export const ZListTasksInput = z.object({
  /** "open" = OPEN or IN_PROGRESS: what still needs doing. */
  status: z.enum(TASK_STATUS_FILTERS).default("open"),
  departmentId: z.string().min(1).optional(),
});
export type TListTasksInput = z.infer<typeof ZListTasksInput>;

export const ZTaskIdInput = z.object({ taskId: ZRecordId });

/** What staff enter when closing a task; for a setup task these become the package's service details. */
export const ZTaskResult = z.object({
  username: z
    .string()
    .trim()
    .max(64, "Use at most 64 characters.")
    .regex(/^\S*$/, "A user name cannot contain spaces."),
  server: z.string().trim().max(255, "Use at most 255 characters."),
  notes: z.string().trim().max(2_000, "Use at most 2,000 characters."),
});
export type TTaskResult = z.infer<typeof ZTaskResult>;

/** Flat, so a field error names the form field ("username"), not a nested "result". */
export const ZCloseTaskInput = ZTaskResult.extend({ taskId: ZRecordId });
export type TCloseTaskInput = z.infer<typeof ZCloseTaskInput>;
