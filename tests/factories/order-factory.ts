import type { TClientPrincipal } from "@/server/auth/principal";
import { placeOrder } from "@/server/orders/place-order";
import type { TPlaceOrderInput } from "@/server/orders/checkout.schemas";
import { buildPlaceOrderInput } from "./checkout-factory";

const ORDERED_AT = new Date("2026-03-01T10:00:00Z");

/** A client created the way customers create themselves: a guest checkout, through placeOrder. */
export const createClientWithOrder = async (
  overrides: Partial<TPlaceOrderInput> & Pick<TPlaceOrderInput, "items">,
  now: Date = ORDERED_AT,
) => {
  const input = buildPlaceOrderInput(overrides);
  const placed = await placeOrder({ input, now });
  const principal: TClientPrincipal = {
    kind: "client",
    clientId: placed.clientId,
    contactId: placed.contactId,
    name: `${input.firstName} ${input.lastName}`,
  };
  return { placed, principal, input };
};
