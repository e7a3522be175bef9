import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { MAX_BILLING_DAY } from "@/lib/contact-options";
import { safeText, ZRecordId } from "@/server/validation/safe-text";
import { refineContact, ZContactFields, ZContactPassword } from "./contact-fields.schemas";

/** "Add Client Account", the first screen of Clients → Add New Client. */
export const ZClientStepFields = z.object({
  companyName: safeText().trim().max(200, "Use at most 200 characters.").default(""),
  /** "Default Theme": a brand's ID (Admin → Brands); "" = the default brand (Client.brandId null). */
  brand: z.union([z.literal("").transform(() => null), ZRecordId], "Choose a theme.").default(null),
  clientGroupId: z.union([z.literal("").transform(() => null), ZRecordId]).default(null),
  status: z.enum(["ACTIVE", "INACTIVE", "CLOSED", "FRAUD"], "Choose a status.").default("ACTIVE"),
  /** "" = "Obey system-wide settings". */
  billingDay: z
    .union([z.literal("").transform(() => null), z.coerce.number().int().min(1).max(MAX_BILLING_DAY)], `Choose a day from 1 to ${MAX_BILLING_DAY}.`)
    .default(null),
  billingCountry: z.string().trim().toUpperCase().refine(isCountryCode, "Choose the billing country."),
  isTaxable: z.boolean().default(true),
  taxId: safeText().trim().max(50, "Use at most 50 characters.").default(""),
});
export type TClientStepInput = z.input<typeof ZClientStepFields>;
export type TClientStepFields = z.output<typeof ZClientStepFields>;

/** "Save and Add Billing Account": both screens at once, so client and primary contact commit together. */
export const ZAddClientInput = ZClientStepFields.extend({ ...ZContactFields.shape, ...ZContactPassword.shape }).superRefine(refineContact);
export type TAddClientInput = z.input<typeof ZAddClientInput>;
export type TAddClientFields = z.output<typeof ZAddClientInput>;
