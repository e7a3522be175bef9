import { z } from "zod";
import { ProductType } from "@/server/db/generated/enums";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A tax rule as the Admin → Taxes form sends it; dates are days (UTC), the rate a decimal percent string. */
export const ZTaxRuleFields = z
  .object({
    name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
    rate: z.string().trim().min(1, "Enter a rate."),
    country: z.string().trim().toUpperCase().regex(/^([A-Z]{2})?$/, "Enter a two-letter country code, or leave it empty for everywhere."),
    state: z.string().trim().toUpperCase().max(50, "Use at most 50 characters."),
    level: z.union([z.literal(1), z.literal(2)]),
    compound: z.boolean(),
    productTypes: z.array(z.enum(ProductType)).max(Object.keys(ProductType).length),
    effectiveFrom: z.string().regex(DATE, "Enter a date (YYYY-MM-DD)."),
    effectiveTo: z.string().regex(DATE, "Enter a date (YYYY-MM-DD).").or(z.literal("")),
  })
  .strict();
export type TTaxRuleFields = z.input<typeof ZTaxRuleFields>;

export const ZSaveTaxRuleInput = z.object({ ruleId: z.string().min(1).max(64).optional(), fields: z.unknown() });
export const ZDeleteTaxRuleInput = z.object({ ruleId: z.string().min(1).max(64) });

export const ZUpdateTaxSettingsInput = z.object({ fields: z.unknown() });
