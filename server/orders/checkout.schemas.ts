import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
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

// NOTE: the password is not part of the quote: "Continue" never sends it, so it crosses the network once,
// with the order that creates the account.
const ZNewAccountPassword = z.object({ password: ZNewPassword, confirmPassword: z.string() });

const ZAcceptTos = z.literal(true, "Accept the Terms of Service to place your order.");

const passwordsMatch = (fields: { password: string; confirmPassword: string }) => fields.password === fields.confirmPassword;
const PASSWORDS_MISMATCH = { path: ["confirmPassword"], message: "The passwords do not match." };

/** "Continue" on Order Summary: contact, payment method and cart, validated before any taxes are shown. */
export const ZQuoteOrderInput = ZCheckoutFields;
export type TQuoteOrderInput = z.input<typeof ZQuoteOrderInput>;
export type TQuoteOrderFields = z.output<typeof ZQuoteOrderInput>;

/**
 * A signed-in client orders into its own account: no contact, no password; the account decides currency,
 * billing country and tax status (server/orders/place-client-order.ts).
 */
export const ZClientQuoteOrderInput = ZCheckoutFields.pick({ items: true, paymentMethod: true, promoCode: true });
export type TClientQuoteOrderFields = z.output<typeof ZClientQuoteOrderInput>;
export const ZClientPlaceOrderInput = ZClientQuoteOrderInput.extend({ acceptTos: ZAcceptTos });
export type TClientPlaceOrderFields = z.output<typeof ZClientPlaceOrderInput>;

/** "Place Order" on Order Details: everything again, plus the Terms of Service. */
export const ZPlaceOrderInput = ZCheckoutFields.extend({
  ...ZNewAccountPassword.shape,
  acceptTos: ZAcceptTos,
}).refine(passwordsMatch, PASSWORDS_MISMATCH);
export type TPlaceOrderInput = z.input<typeof ZPlaceOrderInput>;
