import "server-only";
import { type DbClient, db, type Prisma } from "@/server/db";
import type { TCurrencyContext } from "./pricing/resolve-cycle-prices";

/**
 * The asked currency with its exchange rate, and the default currency converted prices come from; null when the
 * currency is not one of the shop's (Admin → Currencies). Without a default currency nothing is converted.
 */
export const loadCurrencyContext = async (code: string, client: DbClient = db): Promise<TCurrencyContext | null> => {
  // NOTE: raw SQL because every quote and order reads this: Prisma's query compiler plans a findMany afresh on
  // each call, about three times the CPU of the statement itself (issue #9). The rate comes back as a Decimal.
  const rows = await client.$queryRawUnsafe<{ code: string; minorUnits: number; exchangeRate: Prisma.Decimal; isDefault: boolean }[]>(
    `SELECT code, "minorUnits", "exchangeRate", "isDefault" FROM "Currency" WHERE code = $1 OR "isDefault"`,
    code,
  );
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
