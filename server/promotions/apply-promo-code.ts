import "server-only";
import type { TBillingCycle } from "@/lib/billing-cycles";
import type { TOfferLine } from "@/server/catalog/offer-lines";
import type { DbClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { ENGLISH_DOCUMENT_TEXT, type TDocumentText } from "@/server/i18n/document-text";
import { evaluatePromoCode, PROMO_REFUSAL_MESSAGES, type TPromoLine } from "./evaluate-promo-code";
import { findPromoRules, promoCustomerOf } from "./promo-code-queries";

type TPricedItem = { productId: string; cycle: TBillingCycle; lines: readonly TOfferLine[] };

const PROMO_KIND: Record<TOfferLine["kind"], TPromoLine["kind"] | null> = { PRODUCT: "product", ADDON: "addon", SETUP_FEE: "setup-fee", OPTION: "option", DISCOUNT: null };

const refused = (message: string) => new AppError("INVALID_INPUT", { userMessage: message, fieldErrors: { promoCode: [message] } });

/**
 * A promo code applied to a priced cart, before tax: each discounted line is followed by its discount line
 * ("Promo Code WELCOME10"), a negative amount taxed like the line it reduces. An unknown or refused code is a
 * field error with its own reason, and nothing is quoted. `clientId` is the ordering client (null: the order
 * creates a new account).
 */
export const applyPromoCode = async <I extends TPricedItem>(
  {
    code, items, currency, clientId, now, text = ENGLISH_DOCUMENT_TEXT,
  }: { code: string; items: readonly I[]; currency: string; clientId: string | null; now: Date; text?: TDocumentText },
  client: DbClient,
) => {
  const rules = await findPromoRules({ code }, client);
  if (!rules) throw refused(PROMO_REFUSAL_MESSAGES.unknown);
  const customer = await promoCustomerOf({ promoCodeId: rules.id, clientId }, client);
  const lines = items.flatMap((item, itemIndex) =>
    item.lines.flatMap((line, lineIndex): TPromoLine[] => {
      const kind = PROMO_KIND[line.kind];
      return kind ? [{ key: `${itemIndex}:${lineIndex}`, kind, productId: item.productId, addonId: line.addonId, cycle: item.cycle, amountCents: line.amountCents }] : [];
    }),
  );
  const result = evaluatePromoCode({ rules, lines, currency, customer, now });
  if (!result.ok) throw refused(result.message);
  const discountOf = new Map(result.discounts.map((discount) => [discount.lineKey, discount.amountCents]));
  const discounted = items.map((item, itemIndex) => ({
    ...item,
    lines: item.lines.flatMap((line, lineIndex): TOfferLine[] => {
      const amountCents = discountOf.get(`${itemIndex}:${lineIndex}`);
      return amountCents === undefined ? [line] : [line, { kind: "DISCOUNT", description: text.promoDiscount(rules.code, line.description), amountCents }];
    }),
  }));
  return { items: discounted, promo: { id: rules.id, code: rules.code, oncePerClient: rules.oncePerClient, discountCents: result.discountCents } };
};
