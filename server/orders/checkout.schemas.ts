import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales.mjs";
import { ZOfferRef } from "@/server/catalog/catalog.schemas";
import { ZNewPassword } from "@/server/auth/password-policy";
import { MAX_CART_ITEMS } from "@/server/cart/cart-cookie";
import { safeText } from "@/server/validation/safe-text";

// NOTE: "visible" so a value of only invisible characters (zero-width spaces, which trim() keeps) is refused.
const requiredText = (message: string, max = 120) =>
  safeText().trim().min(1, message).max(max, `Use at most ${max} characters.`).regex(/[\p{L}\p{N}\p{P}\p{S}]/u, message);

// NOTE: the schema is flat (contact fields at the top level) on purpose: flattened zod errors only keep the
// first path segment, and the form shows each message under the field with the same name.
const ZCheckoutFields = z.object({
  items: z.array(ZOfferRef, "Your cart is empty.").min(1, "Your cart is empty.").max(MAX_CART_ITEMS),
  paymentMethod: z.literal("BANK_TRANSFER", "Choose a payment method."),
  /** The currency the guest chose on the storefront (a new account keeps it); absent: the storefront's default. */
  currency: z.string().regex(/^[A-Z]{3}$/, "Choose a currency.").optional(),
  /** The language the guest orders in (the storefront's): the new contact's language for mails and documents. */
  language: z.enum(LOCALES, "Choose a language we translate into.").default(DEFAULT_LOCALE),
  company: safeText().trim().max(200).default(""),
  firstName: requiredText("Enter your first name."),
  lastName: requiredText("Enter your last name."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "Use at most 254 characters.")
    .pipe(z.email("Enter a valid e-mail address, e.g. name@example.com.")),
  address1: requiredText("Enter your street address.", 200),
  address2: safeText().trim().max(200).default(""),
  city: requiredText("Enter your city."),
  state: requiredText("Enter your state or province."),
  zip: requiredText("Enter your zip or postal code.", 20),
  country: z.string().trim().toUpperCase().refine(isCountryCode, "Choose your country."),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{5,30}$/, "Enter a phone number using digits, spaces and + ( ) . - only."),
  /** EU businesses: checked with VIES (server/tax/vies); a valid number in another member state is reverse-charged. */
  vatNumber: safeText().trim().max(20, "Use at most 20 characters.").default(""),
  /** A promo code as typed (Admin → Promotions); empty: none. */
  promoCode: safeText().trim().max(40, "Use at most 40 characters.").default(""),
});

/**
 * "WHOIS contact" on Order Summary when a domain is in the cart: "Use the same data" (the primary contact, the
 * default) or the registrant's own. Flat like the contact fields (whois… names), required only when different.
 */
const WHOIS_REQUIRED = {
  whoisFirstName: "Enter the WHOIS contact's first name.",
  whoisLastName: "Enter the WHOIS contact's last name.",
  whoisEmail: "Enter the WHOIS contact's e-mail address.",
  whoisAddress1: "Enter the WHOIS contact's street address.",
  whoisCity: "Enter the WHOIS contact's city.",
  whoisState: "Enter the WHOIS contact's state or province.",
  whoisZip: "Enter the WHOIS contact's zip or postal code.",
  whoisPhone: "Enter the WHOIS contact's phone number.",
} as const;
const optionalText = (max = 120) => safeText().trim().max(max, `Use at most ${max} characters.`).default("");
const ZWhoisFields = z.object({
  whoisSameAsPrimary: z.boolean().default(true),
  whoisCompany: optionalText(200),
  whoisFirstName: optionalText(),
  whoisLastName: optionalText(),
  whoisEmail: optionalText(254),
  whoisAddress1: optionalText(200),
  whoisCity: optionalText(),
  whoisState: optionalText(),
  whoisZip: optionalText(20),
  whoisCountry: z.string().trim().toUpperCase().default("US"),
  whoisPhone: optionalText(30),
});
export type TWhoisFields = z.output<typeof ZWhoisFields>;

const checkWhois = (fields: TWhoisFields, context: z.RefinementCtx) => {
  if (fields.whoisSameAsPrimary) return;
  for (const [name, message] of Object.entries(WHOIS_REQUIRED)) {
    if (!/[\p{L}\p{N}]/u.test(fields[name as keyof typeof WHOIS_REQUIRED])) context.addIssue({ code: "custom", path: [name], message });
  }
  if (fields.whoisEmail && !z.email().safeParse(fields.whoisEmail).success) context.addIssue({ code: "custom", path: ["whoisEmail"], message: "Enter a valid e-mail address, e.g. name@example.com." });
  if (!isCountryCode(fields.whoisCountry)) context.addIssue({ code: "custom", path: ["whoisCountry"], message: "Choose the WHOIS contact's country." });
};

// NOTE: the password is not part of the quote: "Continue" never sends it, so it crosses the network once,
// with the order that creates the account.
const ZNewAccountPassword = z.object({ password: ZNewPassword, confirmPassword: z.string() });

const ZAcceptTos = z.literal(true, "Accept the Terms of Service to place your order.");

const passwordsMatch = (fields: { password: string; confirmPassword: string }) => fields.password === fields.confirmPassword;
const PASSWORDS_MISMATCH = { path: ["confirmPassword"], message: "The passwords do not match." };

/** "Continue" on Order Summary: contact, payment method and cart, validated before any taxes are shown. */
export const ZQuoteOrderInput = ZCheckoutFields.extend(ZWhoisFields.shape).superRefine(checkWhois);
export type TQuoteOrderInput = z.input<typeof ZQuoteOrderInput>;
export type TQuoteOrderFields = z.output<typeof ZQuoteOrderInput>;

/**
 * A signed-in client orders into its own account: no contact, no password; the account decides currency,
 * billing country and tax status (server/orders/place-client-order.ts).
 */
const ZClientCheckoutFields = ZCheckoutFields.pick({ items: true, promoCode: true }).extend({
  ...ZWhoisFields.shape,
  /** A client's account may hold credit (a guest's new one cannot): Account Credit pays the whole order from it. */
  paymentMethod: z.enum(["BANK_TRANSFER", "ACCOUNT_CREDIT"], "Choose a payment method."),
});
export const ZClientQuoteOrderInput = ZClientCheckoutFields.superRefine(checkWhois);
export type TClientQuoteOrderFields = z.output<typeof ZClientQuoteOrderInput>;
export const ZClientPlaceOrderInput = ZClientCheckoutFields.extend({ acceptTos: ZAcceptTos }).superRefine(checkWhois);
export type TClientPlaceOrderFields = z.output<typeof ZClientPlaceOrderInput>;

/** "Place Order" on Order Details: everything again, plus the Terms of Service. */
export const ZPlaceOrderInput = ZCheckoutFields.extend({
  ...ZWhoisFields.shape,
  ...ZNewAccountPassword.shape,
  acceptTos: ZAcceptTos,
})
  .superRefine(checkWhois)
  .refine(passwordsMatch, PASSWORDS_MISMATCH);
export type TPlaceOrderInput = z.input<typeof ZPlaceOrderInput>;
