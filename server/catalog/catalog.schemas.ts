import { z } from "zod";
import { BILLING_CYCLES } from "@/lib/billing-cycles";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

export const ZBillingCycle = z.enum(BILLING_CYCLES);

/** Upper bounds that keep a cart cookie small; no product has this many add-ons or options. */
export const MAX_ADDONS_PER_ITEM = 10;
export const MAX_OPTIONS_PER_ITEM = 20;

/** Option choices by option ID: a dropdown value ID, a whole number for a quantity, "yes"/"no" (checked on the server). */
export const ZOptionChoices = z
  .record(ZRecordId, safeText().max(64))
  .refine((choices) => Object.keys(choices).length <= MAX_OPTIONS_PER_ITEM, `Choose at most ${MAX_OPTIONS_PER_ITEM} options.`);

export const ZOfferRef = z.object({
  productId: ZRecordId,
  cycle: ZBillingCycle,
  addonIds: z.array(ZRecordId).max(MAX_ADDONS_PER_ITEM).optional(),
  options: ZOptionChoices.optional(),
});

export const ZGetProductInput = z.object({ slug: safeText().min(1).max(120) });
