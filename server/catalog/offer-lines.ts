import { ENGLISH_DOCUMENT_TEXT, type TDocumentText } from "@/server/i18n/document-text";
import type { TOffer } from "./catalog-queries";

/** Line kinds of a quote and its invoice, before tax. DISCOUNT lines come from a promo code (negative). */
export type TOfferLineKind = "PRODUCT" | "SETUP_FEE" | "ADDON" | "OPTION" | "DISCOUNT";

/** One line; an add-on's line (not its setup fee) names the add-on, so a promo code limited to it can find it. */
export type TOfferLine = { kind: TOfferLineKind; description: string; amountCents: number; addonId?: string };

/**
 * The lines one offer is invoiced with: the product for its cycle, then each add-on and option, each followed
 * by its own setup fee line when it has one. Zero-priced options (a free dropdown value) still get a line, so
 * the invoice shows what was ordered; zero setup fees do not. Descriptions are in the invoice's language (`text`).
 */
export const offerLines = (offer: TOffer, text: TDocumentText = ENGLISH_DOCUMENT_TEXT): TOfferLine[] => {
  const withSetupFee = (kind: TOfferLineKind, description: string, amountCents: number, setupFeeCents: number, addonId?: string): TOfferLine[] => [
    { kind, description: text.lineWithCycle(description, offer.cycle), amountCents, ...(addonId ? { addonId } : {}) },
    ...(setupFeeCents > 0 ? [{ kind: "SETUP_FEE" as const, description: text.setupFee(description), amountCents: setupFeeCents }] : []),
  ];
  return [
    ...withSetupFee("PRODUCT", offer.productName, offer.amountCents, offer.setupFeeCents),
    ...offer.addons.flatMap((addon) => withSetupFee("ADDON", `${offer.productName}: ${addon.addonName}`, addon.amountCents, addon.setupFeeCents, addon.addonId)),
    ...offer.options.flatMap((option) =>
      withSetupFee("OPTION", `${offer.productName}: ${option.optionName}: ${option.valueLabel}`, option.amountCents, option.setupFeeCents),
    ),
  ];
};

/** What OrderItem.extras keeps of an offer: the add-ons and option choices as ordered, with their amounts. */
export const orderItemExtras = (offer: TOffer) => ({
  addons: offer.addons.map(({ addonId, addonName, amountCents, setupFeeCents }) => ({ addonId, name: addonName, amountCents, setupFeeCents })),
  options: offer.options.map(({ optionId, optionName, valueId, valueLabel, quantity, amountCents, setupFeeCents }) => ({
    optionId, name: optionName, valueId, value: valueLabel, quantity, amountCents, setupFeeCents,
  })),
});
