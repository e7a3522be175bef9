import { z } from "zod";
import { BILLING_CYCLES } from "@/lib/billing-cycles";
import { PRODUCT_TYPES } from "@/lib/catalog-constants";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

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

const ZName = (what: string) => safeText().trim().min(1, `Enter the ${what}.`).max(120, "Use at most 120 characters.");
const ZDescription = safeText().trim().max(2_000, "Use at most 2,000 characters.").default("");
export const ZSlug = z
  .string()
  .trim()
  .min(1, "Enter the URL name.")
  .max(80, "Use at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. business-hosting.");
export const ZCurrencyCode = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Enter a three-letter ISO 4217 code, e.g. EUR.");

/** One cell of a price grid: a cycle's price and setup fee in one currency. Cycles left out are not offered. */
const ZPriceCell = z.object({
  currency: ZCurrencyCode,
  cycle: z.enum(BILLING_CYCLES),
  amountCents: ZCents("price"),
  setupFeeCents: ZCents("setup fee"),
});
export const ZPriceGrid = z
  .array(ZPriceCell)
  .max(BILLING_CYCLES.length * 20)
  .refine((cells) => new Set(cells.map((cell) => `${cell.currency}:${cell.cycle}`)).size === cells.length, "Each cycle can have one price per currency.");
export type TPriceGrid = z.infer<typeof ZPriceGrid>;

export const ZProductGroupFields = z.object({ name: ZName("group name"), slug: ZSlug, description: ZDescription, isHidden: z.boolean().default(false) });
export const ZCreateProductGroupInput = ZProductGroupFields;
export const ZUpdateProductGroupInput = ZProductGroupFields.extend({ groupId: ZRecordId });
export const ZMoveProductGroupInput = z.object({ groupId: ZRecordId, direction: z.enum(["up", "down"]) });

export const ZProductFields = z.object({
  groupId: ZRecordId,
  name: ZName("product name"),
  slug: ZSlug,
  type: z.enum(PRODUCT_TYPES, "Choose a product type."),
  description: ZDescription,
  isHidden: z.boolean().default(false),
  /** null = unlimited. */
  stockCount: z.number().int("Enter a whole number.").min(0, "The stock cannot be negative.").max(1_000_000).nullable().default(null),
  welcomeEmailText: safeText().trim().max(5_000, "Use at most 5,000 characters.").default(""),
  prices: ZPriceGrid,
});
export const ZCreateProductInput = ZProductFields;
export const ZUpdateProductInput = ZProductFields.extend({ productId: ZRecordId });
export type TProductFields = z.output<typeof ZProductFields>;

export const ZAddonFields = z.object({
  name: ZName("add-on name"),
  slug: ZSlug,
  description: ZDescription,
  isHidden: z.boolean().default(false),
  productIds: z.array(ZRecordId).max(500),
  prices: ZPriceGrid,
});
export const ZCreateAddonInput = ZAddonFields;
export const ZUpdateAddonInput = ZAddonFields.extend({ addonId: ZRecordId });
export type TAddonFields = z.output<typeof ZAddonFields>;

const ZOptionValue = z.object({ label: ZName("value label"), slug: ZSlug, prices: ZPriceGrid });

const ZQuantity = z.number().int("Enter a whole number.").min(0, "Use 0 or more.").max(100_000);

/**
 * A configurable option with its values. Dropdown: two or more values. Quantity: one value whose prices are per
 * unit, min ≤ max, a step that fits. Yes/no: one value whose prices are charged for "yes".
 */
export const ZConfigOptionFields = z
  .object({
    /** Absent: a new option. */
    optionId: ZRecordId.optional(),
    productId: ZRecordId,
    name: ZName("option name"),
    slug: ZSlug,
    kind: z.enum(["DROPDOWN", "QUANTITY", "YES_NO"], "Choose the option type."),
    minQuantity: ZQuantity.nullable().default(null),
    maxQuantity: ZQuantity.nullable().default(null),
    stepQuantity: ZQuantity.min(1, "The step is at least 1.").nullable().default(null),
    values: z.array(ZOptionValue).min(1, "Add at least one value.").max(50),
  })
  .superRefine((option, ctx) => {
    if (new Set(option.values.map((value) => value.slug)).size !== option.values.length) {
      ctx.addIssue({ code: "custom", path: ["values"], message: "Each value needs its own URL name." });
    }
    if (option.kind !== "DROPDOWN" && option.values.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["values"], message: "A quantity or yes/no option has exactly one priced value." });
    }
    if (option.kind === "QUANTITY") {
      const { minQuantity: min, maxQuantity: max, stepQuantity: step } = option;
      if (min === null || max === null || step === null) ctx.addIssue({ code: "custom", path: ["minQuantity"], message: "Enter the minimum, maximum and step." });
      else if (min > max) ctx.addIssue({ code: "custom", path: ["maxQuantity"], message: "The maximum is below the minimum." });
      else if ((max - min) % step !== 0) ctx.addIssue({ code: "custom", path: ["stepQuantity"], message: "The step must lead from the minimum to the maximum." });
    }
  });
export const ZSaveConfigOptionInput = ZConfigOptionFields;
export type TConfigOptionFields = z.output<typeof ZConfigOptionFields>;
export const ZDeleteConfigOptionInput = z.object({ optionId: ZRecordId });

const ZExchangeRate = z
  .string()
  .trim()
  .regex(/^\d{1,10}(?:\.\d{1,8})?$/, "Enter the rate as a decimal number with at most 8 decimals, e.g. 0.92.")
  .refine((rate) => /[1-9]/.test(rate), "The rate must be above zero.");

export const ZCurrencyFields = z.object({
  code: ZCurrencyCode,
  symbol: safeText().trim().min(1, "Enter the symbol.").max(8, "Use at most 8 characters."),
  minorUnits: z.number().int().min(0, "Use 0 to 4 decimals.").max(4, "Use 0 to 4 decimals."),
  exchangeRate: ZExchangeRate,
});
export const ZCreateCurrencyInput = ZCurrencyFields;
export const ZUpdateCurrencyInput = ZCurrencyFields.omit({ code: true, minorUnits: true }).extend({ code: ZCurrencyCode });
