import "server-only";
import { formatTaxLabel } from "@/lib/format-tax-label";
import { now } from "@/server/clock";
import { consumeRateLimit, RATE_LIMITS } from "@/server/security/rate-limit";
import { contactProcedure } from "@/server/clients/contact-procedure";
import { createTRPCRouter, publicProcedure } from "@/server/trpc/init";
import { ZClientPlaceOrderInput, ZClientQuoteOrderInput, ZPlaceOrderInput, ZQuoteOrderInput } from "./checkout.schemas";
import { placeClientOrder, quoteClientOrder } from "./place-client-order";
import { invalidateStorefrontCatalog } from "@/server/catalog/storefront-catalog-cache";
import { placeOrder } from "./place-order";
import type { TOrderQuote } from "./quote-order";
import type { TRecordedOrder } from "./record-order";
import { reviewOrder } from "./review-order";

const shapeQuote = (quote: TOrderQuote) => ({
  currency: quote.currency,
  taxLabel: formatTaxLabel(quote.items.flatMap((item) => item.lines)),
  reverseCharge: quote.reverseCharge,
  notes: quote.notes,
  subtotalCents: quote.subtotalCents,
  discountCents: quote.discountCents,
  promoCode: quote.promo?.code ?? null,
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
      taxes: line.taxes,
      taxCents: line.taxCents,
    })),
  })),
});

const shapePlaced = (placed: TRecordedOrder) => ({
  orderNumber: placed.orderNumber,
  invoiceId: placed.invoiceId,
  invoiceNumber: placed.invoiceNumber,
  currency: placed.currency,
  totalCents: placed.totalCents,
  dueAt: placed.dueAt,
  paymentMethod: placed.paymentMethod,
  isPaid: placed.isPaid,
});

export const checkoutRouter = createTRPCRouter({
  /** "Continue" on Order Summary: validates the contact and the cart, and prices the order with taxes. */
  quote: publicProcedure
    .input(ZQuoteOrderInput)
    .mutation(async ({ ctx, input }) => {
      // NOTE: the quote answers "this e-mail has an account": limited per IP so nobody can test addresses
      // faster than a person types them.
      await consumeRateLimit(RATE_LIMITS.checkoutQuote, [ctx.ip ?? "unknown"]);
      return shapeQuote(await reviewOrder({ fields: input, now: now() }));
    }),

  /** "Continue" for a signed-in client: its account's currency, billing country and tax status (no contact entry). */
  quoteForClient: contactProcedure("billing")
    .input(ZClientQuoteOrderInput)
    .mutation(async ({ ctx, input }) => shapeQuote(await quoteClientOrder({ principal: ctx.principal, input, now: now() }))),

  /** "Place Order" for a signed-in client: into its existing account, priced again on the server. */
  placeOrderForClient: contactProcedure("billing").input(ZClientPlaceOrderInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit(RATE_LIMITS.checkoutPlaceOrder, [ctx.ip ?? "unknown"]);
    const placed = await placeClientOrder({ principal: ctx.principal, input, now: now() });
    if (placed.soldOutProductIds.length > 0) invalidateStorefrontCatalog();
    return shapePlaced(placed);
  }),

  /** "Place Order": everything is validated again inside placeOrder; the browser's quote is never trusted. */
  placeOrder: publicProcedure.input(ZPlaceOrderInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit(RATE_LIMITS.checkoutPlaceOrder, [ctx.ip ?? "unknown"]);
    const placed = await placeOrder({ input, now: now() });
    // NOTE: after the commit, so the cached product pages say "Out of stock" on the next request.
    if (placed.soldOutProductIds.length > 0) invalidateStorefrontCatalog();
    return shapePlaced(placed);
  }),
});
