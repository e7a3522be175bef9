import "server-only";
import { now } from "@/server/clock";
import { createTRPCRouter, publicProcedure } from "@/server/trpc/init";
import { ZPlaceOrderInput, ZQuoteOrderInput } from "./checkout.schemas";
import { placeOrder } from "./place-order";
import type { TOrderQuote } from "./quote-order";
import { reviewOrder } from "./review-order";

const shapeQuote = (quote: TOrderQuote) => ({
  currency: quote.currency,
  taxName: quote.tax?.name ?? null,
  taxBasisPoints: quote.tax?.rateBasisPoints ?? 0,
  subtotalCents: quote.subtotalCents,
  taxCents: quote.taxCents,
  totalCents: quote.totalCents,
  items: quote.items.map((item) => ({
    productId: item.productId,
    productName: item.productName,
    cycle: item.cycle,
    lines: item.lines.map((line) => ({
      kind: line.kind,
      description: line.description,
      amountCents: line.amountCents,
      taxCents: line.taxCents,
    })),
  })),
});

export const checkoutRouter = createTRPCRouter({
  /** "Continue" on Order Summary: validates the contact and the cart, and prices the order with taxes. */
  quote: publicProcedure
    .input(ZQuoteOrderInput)
    .mutation(async ({ input }) => shapeQuote(await reviewOrder({ fields: input, now: now() }))),

  /** "Place Order": everything is validated again inside placeOrder; the browser's quote is never trusted. */
  placeOrder: publicProcedure.input(ZPlaceOrderInput).mutation(async ({ input }) => {
    const placed = await placeOrder({ input, now: now() });
    return {
      orderNumber: placed.orderNumber,
      invoiceId: placed.invoiceId,
      invoiceNumber: placed.invoiceNumber,
      currency: placed.currency,
      totalCents: placed.totalCents,
      dueAt: placed.dueAt,
    };
  }),
});
