import { z } from "zod";
import { BILLING_CYCLES } from "@/lib/billing-cycles";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

const optionalDate = z.coerce.date({ error: "Enter a date." }).nullable();

/**
 * A promo code as staff save it. Amounts are integer cents, the percentage is in basis points (1000 = 10 %);
 * the form converts what staff type. Cross-field rules are checked here too, so every caller gets the same
 * field errors.
 */
const ZPromoCodeFields = z.object({
    code: safeText()
      .trim()
      .min(3, "Use at least 3 characters.")
      .max(32, "Use at most 32 characters.")
      .regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, dashes and underscores only.")
      .transform((code) => code.toUpperCase()),
    description: safeText().trim().max(200, "Keep the description under 200 characters.").default(""),
    kind: z.enum(["PERCENT", "FIXED"], { error: "Choose a percentage or a fixed amount." }),
    percentBasisPoints: z.number().int().min(1, "Enter a percentage above 0.").max(10_000, "Enter at most 100 %.").nullable(),
    amounts: z.array(z.object({ currency: z.string().length(3), amountCents: z.number().int().min(1, "Enter an amount above 0.") })).max(20),
    recurrence: z.enum(["ONCE", "RECURRING", "FOREVER"], { error: "Choose how long the discount lasts." }),
    recurringCycles: z.number().int().min(2, "Enter 2 or more invoices.").max(120, "Enter at most 120 invoices.").nullable(),
    productIds: z.array(ZRecordId).max(500),
    addonIds: z.array(ZRecordId).max(500),
    cycles: z.array(z.enum(BILLING_CYCLES)).max(BILLING_CYCLES.length),
    startsAt: optionalDate,
    endsAt: optionalDate,
    maxUses: z.number().int().min(1, "Enter 1 or more, or leave it empty for no limit.").nullable(),
    oncePerClient: z.boolean(),
    newClientsOnly: z.boolean(),
    isActive: z.boolean(),
  });

const checkCrossFields = (input: z.infer<typeof ZPromoCodeFields>, ctx: z.RefinementCtx) => {
    if (input.kind === "PERCENT" && input.percentBasisPoints === null) ctx.addIssue({ code: "custom", path: ["percentBasisPoints"], message: "Enter the percentage." });
    if (input.kind === "FIXED" && input.amounts.length === 0) ctx.addIssue({ code: "custom", path: ["amounts"], message: "Enter the amount in at least one currency." });
    if (new Set(input.amounts.map((amount) => amount.currency)).size !== input.amounts.length) ctx.addIssue({ code: "custom", path: ["amounts"], message: "Enter each currency once." });
    if (input.recurrence === "RECURRING" && input.recurringCycles === null) ctx.addIssue({ code: "custom", path: ["recurringCycles"], message: "Enter how many invoices are discounted." });
    if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start." });
};

export const ZPromoCodeInput = ZPromoCodeFields.superRefine(checkCrossFields);
export type TPromoCodeInput = z.infer<typeof ZPromoCodeInput>;

/** Add (id null) or change a code. Flat, so every field error is named by its field. */
export const ZSavePromoCodeInput = ZPromoCodeFields.extend({ id: ZRecordId.nullable() }).superRefine(checkCrossFields);
export type TSavePromoCodeInput = z.infer<typeof ZSavePromoCodeInput>;
