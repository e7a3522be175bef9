import { z } from "zod";
import { ZRecordId } from "@/server/validation/safe-text";

/** Upper bound of a price or setup fee in minor units: one million in the currency, far above any plan. */
const MAX_CENTS = 100_000_000;

const ZCents = (what: string) =>
  z
    .number({ error: `Enter the ${what}.` })
    .int("Enter a whole number of cents.")
    .min(0, `The ${what} cannot be negative.`)
    .max(MAX_CENTS, `The ${what} can be at most 1,000,000.`);

/** "Edit price" on Admin → Products: one billing cycle's price and setup fee, in minor units of its currency. */
export const ZUpdatePriceInput = z.object({ priceId: ZRecordId, amountCents: ZCents("price"), setupFeeCents: ZCents("setup fee") });
export type TUpdatePriceInput = z.infer<typeof ZUpdatePriceInput>;
