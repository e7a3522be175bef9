import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { ALL_CONTACT_EMAIL_ACTIONS, ALL_CONTACT_PERMISSIONS, CONTACT_LANGUAGES, type TContactLanguage } from "@/lib/contact-options";
import { countiesFor } from "@/lib/us-counties";
import { ZNewPassword } from "@/server/auth/password-policy";
import { safeText } from "@/server/validation/safe-text";

// The contact fields of "Add Primary Contact", the client area's "Add Contact" and "Edit Contact Info".
// NOTE: flat on purpose (as checkout.schemas.ts): flattened zod errors keep only the first path segment, and
// each form shows a message under the field with the same name.

const requiredText = (message: string, max = 120) =>
  safeText().trim().min(1, message).max(max, `Use at most ${max} characters.`).regex(/[\p{L}\p{N}\p{P}\p{S}]/u, message);
const optionalText = (max = 200) => safeText().trim().max(max, `Use at most ${max} characters.`).default("");
const PHONE = /^\+?[0-9 ().-]{5,30}$/;
const PHONE_MESSAGE = "Enter a phone number using digits, spaces and + ( ) . - only.";
const optionalPhone = () => z.string().trim().refine((value) => value === "" || PHONE.test(value), PHONE_MESSAGE).default("");

/** A sign-in name besides the e-mail. No "@", so a sign-in identifier is never both an e-mail and a user name. */
export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, "Use 3–64 letters, digits, dots, dashes or underscores.");

export const ZContactFields = z.object({
  company: optionalText(),
  firstName: requiredText("Enter the first name."),
  lastName: requiredText("Enter the last name."),
  email: z.string().trim().toLowerCase().max(254, "Use at most 254 characters.").pipe(z.email("Enter a valid e-mail address, e.g. name@example.com.")),
  address1: requiredText("Enter the street address.", 200),
  address2: optionalText(),
  city: requiredText("Enter the city."),
  state: requiredText("Enter the state or province."),
  county: optionalText(100),
  zip: requiredText("Enter the zip or postal code.", 20),
  country: z.string().trim().toUpperCase().refine(isCountryCode, "Choose the country."),
  phone: z.string().trim().regex(PHONE, PHONE_MESSAGE),
  phone2: optionalPhone(),
  fax: optionalPhone(),
  mobile: optionalPhone(),
  username: z.union([z.literal("").transform(() => null), ZUsername]).default(null),
  language: z.enum(Object.keys(CONTACT_LANGUAGES) as [TContactLanguage, ...TContactLanguage[]], "Choose a language.").default("en"),
  emailFormat: z.enum(["HTML", "TEXT"], "Choose HTML or plain text.").default("HTML"),
  emailActions: z.array(z.enum(ALL_CONTACT_EMAIL_ACTIONS)).max(ALL_CONTACT_EMAIL_ACTIONS.length).default([]).transform((actions) => [...new Set(actions)]),
});

/** New/confirm password: optional (a contact without one cannot sign in); when given, the password rule applies. */
export const ZContactPassword = z.object({
  password: z.union([z.literal(""), ZNewPassword]).default(""),
  confirmPassword: z.string().default(""),
});

export const ZContactPermissions = z.object({
  permissions: z.array(z.enum(ALL_CONTACT_PERMISSIONS)).max(ALL_CONTACT_PERMISSIONS.length).default([]).transform((list) => [...new Set(list)]),
});

type TRefinable = { country: string; state: string; county: string; password?: string; confirmPassword?: string };

/** Rules across fields: the County of a US state with a county list, and matching passwords. */
export const refineContact = (fields: TRefinable, ctx: z.RefinementCtx) => {
  const counties = countiesFor(fields.country, fields.state);
  if (counties && !counties.includes(fields.county)) {
    ctx.addIssue({ code: "custom", path: ["county"], message: "Choose the county." });
  }
  if (fields.password !== undefined && fields.password !== (fields.confirmPassword ?? "")) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match." });
  }
};

/** The contact as stored: the county only where it applies, state codes upper-cased for US addresses. */
export const normalizeAddress = <T extends { country: string; state: string; county: string }>(fields: T): T => {
  const state = fields.country === "US" ? fields.state.toUpperCase() : fields.state;
  return { ...fields, state, county: countiesFor(fields.country, state) ? fields.county : "" };
};
