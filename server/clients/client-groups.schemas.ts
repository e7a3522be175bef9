import { z } from "zod";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

/** "12.5" → 1250 basis points. Exact: a decimal string with at most two decimals, never a float. */
const ZDiscountPercent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "Enter a percentage such as 10 or 12.5.")
  .transform((value) => {
    const [whole = "0", fraction = ""] = value.split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  })
  .refine((basisPoints) => basisPoints <= 10_000, "Use at most 100 %.");

export const ZClientGroupFields = z.object({
  name: safeText().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  discountPercent: ZDiscountPercent,
});
export const ZClientGroupIdInput = z.object({ clientGroupId: ZRecordId });
export const ZUpdateClientGroupInput = ZClientGroupFields.extend(ZClientGroupIdInput.shape);
export type TClientGroupFields = z.output<typeof ZClientGroupFields>;
