import type { TBillingCycle } from "@/lib/billing-cycles";
import { convertCents, type TCurrencyUnit } from "./convert-price";

/** One stored price row of a product, add-on or option value. */
export type TStoredPrice = { id: string; currency: string; cycle: TBillingCycle; amountCents: number; setupFeeCents: number };

/** The currency asked for, with its rate, and the default currency that converted prices come from. */
export type TCurrencyContext = { currency: TCurrencyUnit & { exchangeRate: string }; defaultCurrency: TCurrencyUnit };

/** A price as offered in the asked currency. `sourcePriceId` is the stored row it comes from (converted or not). */
export type TOfferedPrice = {
  sourcePriceId: string;
  cycle: TBillingCycle;
  currency: string;
  amountCents: number;
  setupFeeCents: number;
  isConverted: boolean;
};

/**
 * The prices of one item in the context's currency, one per cycle: an explicit price in that currency wins;
 * otherwise the default currency's price of the cycle is converted at the exchange rate. Cycles priced in
 * neither are not offered.
 */
export const resolveCyclePrices = (prices: readonly TStoredPrice[], { currency, defaultCurrency }: TCurrencyContext): TOfferedPrice[] => {
  const byCycle = new Map<TBillingCycle, TOfferedPrice>();
  for (const price of prices) {
    if (price.currency === currency.code) {
      byCycle.set(price.cycle, { sourcePriceId: price.id, cycle: price.cycle, currency: currency.code, amountCents: price.amountCents, setupFeeCents: price.setupFeeCents, isConverted: false });
    }
  }
  for (const price of prices) {
    if (price.currency !== defaultCurrency.code || byCycle.has(price.cycle)) continue;
    const convert = (cents: number) => convertCents({ cents, from: defaultCurrency, to: currency });
    byCycle.set(price.cycle, {
      sourcePriceId: price.id,
      cycle: price.cycle,
      currency: currency.code,
      amountCents: convert(price.amountCents),
      setupFeeCents: convert(price.setupFeeCents),
      isConverted: true,
    });
  }
  return [...byCycle.values()];
};

export const findCyclePrice = (prices: readonly TStoredPrice[], context: TCurrencyContext, cycle: TBillingCycle) =>
  resolveCyclePrices(prices, context).find((price) => price.cycle === cycle) ?? null;
