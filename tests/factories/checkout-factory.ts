import { randomBytes } from "node:crypto";
import type { TPlaceOrderInput } from "@/server/orders/checkout.schemas";

export const uniqueEmail = (label = "customer") => `${label}-${randomBytes(4).toString("hex")}@example.com`;

/** A valid guest checkout (US billing address, Bank Transfer, TOS accepted) for the given cart. */
export const buildPlaceOrderInput = (overrides: Partial<TPlaceOrderInput> & Pick<TPlaceOrderInput, "items">): TPlaceOrderInput => ({
  paymentMethod: "BANK_TRANSFER",
  firstName: "Ada",
  lastName: "Lovelace",
  email: uniqueEmail(),
  address1: "1 Analytical Way",
  city: "Austin",
  state: "TX",
  zip: "73301",
  country: "US",
  phone: "+1 512 555 0100",
  password: "correct horse battery staple",
  confirmPassword: "correct horse battery staple",
  acceptTos: true,
  ...overrides,
});
