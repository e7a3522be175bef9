import { z } from "zod";
import { safeText } from "@/server/validation/safe-text";

const optionalText = (max: number) =>
  safeText()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Use a real date.")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** Admin → Audit Log filters; dates are whole UTC days, `to` included. */
export const ZListAuditInput = z.object({
  /** A staff/contact/API key id or workflow name, or part of the actor's name or e-mail. */
  actor: optionalText(200),
  entityType: optionalText(60),
  entityId: optionalText(100),
  /** An action or its beginning, e.g. "invoice." for every invoice action. */
  action: optionalText(100),
  from: ZDay,
  to: ZDay,
  /** The `nextCursor` of the previous page. */
  cursor: optionalText(200),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TListAuditInput = z.input<typeof ZListAuditInput>;
