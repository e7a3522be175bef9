import "server-only";
import type { TOfferRef } from "@/server/catalog/catalog-queries";
import { AppError } from "@/server/errors";
import { quoteOrder } from "@/server/orders/quote-order";
import { promoRefusalOf } from "@/server/promotions/evaluate-promo-code";

/**
 * What the promo code applied on the cart page takes off, before tax (the cart shows no taxes: they need the
 * billing address), or why it is refused, with the same rules as checkout: `clientId` is the signed-in client
 * (its "new clients only" and "once per client" count), null for a visitor who would open a new account.
 */
export const previewCartPromo = async ({ items, currency, code, clientId, now }: { items: readonly TOfferRef[]; currency: string; code: string; clientId: string | null; now: Date }) => {
  try {
    const quote = await quoteOrder({ items, currency, country: "", state: "", promoCode: code, clientId, now });
    return { code, isApplied: true as const, discountCents: quote.discountCents };
  } catch (error) {
    const refusal = error instanceof AppError ? error.details.fieldErrors?.promoCode?.[0] : undefined;
    if (refusal === undefined) throw error;
    return { code, isApplied: false as const, refusal: promoRefusalOf(refusal) };
  }
};
