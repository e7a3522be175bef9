import "server-only";
import { type DbClient, db } from "@/server/db";
import type { TCurrencyContext } from "./pricing/resolve-cycle-prices";

/**
 * The asked currency with its exchange rate, and the default currency converted prices come from; null when the
 * currency is not one of the shop's (Admin → Currencies). Without a default currency nothing is converted.
 */
export const loadCurrencyContext = async (code: string, client: DbClient = db): Promise<TCurrencyContext | null> => {
  const rows = await client.currency.findMany({
    where: { OR: [{ code }, { isDefault: true }] },
    select: { code: true, minorUnits: true, exchangeRate: true, isDefault: true },
  });
  const asked = rows.find((row) => row.code === code);
  if (!asked) return null;
  const fallback = rows.find((row) => row.isDefault) ?? asked;
  return {
    // NOTE: Prisma's Decimal → its exact decimal string; never through a JS number.
    currency: { code: asked.code, minorUnits: asked.minorUnits, exchangeRate: asked.isDefault ? "1" : asked.exchangeRate.toFixed() },
    defaultCurrency: { code: fallback.code, minorUnits: fallback.minorUnits },
  };
};

/** The currencies whose stored prices an item needs to be offered in the context's currency. */
export const priceCurrencies = (context: TCurrencyContext) => [...new Set([context.currency.code, context.defaultCurrency.code])];
