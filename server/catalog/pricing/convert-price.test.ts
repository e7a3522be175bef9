import { describe, expect, it } from "vitest";
import { convertCents, parseDecimal } from "./convert-price";
import { resolveCyclePrices, type TCurrencyContext } from "./resolve-cycle-prices";

const USD = { code: "USD", minorUnits: 2 };
const to = (code: string, exchangeRate: string, minorUnits = 2) => ({ code, minorUnits, exchangeRate });

describe("convertCents", () => {
  it("multiplies by the exact decimal rate and rounds half away from zero to the target's minor units", () => {
    expect(convertCents({ cents: 599, from: USD, to: to("EUR", "0.92") })).toBe(551); // 551.08
    expect(convertCents({ cents: 1_499, from: USD, to: to("EUR", "0.92") })).toBe(1_379); // 1379.08
    expect(convertCents({ cents: 50, from: USD, to: to("EUR", "0.25") })).toBe(13); // 12.5 → 13, not banker's 12
    expect(convertCents({ cents: 150, from: USD, to: to("EUR", "0.25") })).toBe(38); // 37.5 → 38
    expect(convertCents({ cents: -50, from: USD, to: to("EUR", "0.25") })).toBe(-13); // away from zero
    expect(convertCents({ cents: 0, from: USD, to: to("EUR", "0.92") })).toBe(0);
  });

  it("is exact where floats are not: 0.1 × 3 and 1.005", () => {
    // 1005 × 0.1 = 100.5 → 101; in floats 1005 * 0.1 = 100.49999999999999 would round to 100.
    expect(convertCents({ cents: 1_005, from: USD, to: to("EUR", "0.1") })).toBe(101);
    expect(convertCents({ cents: 333, from: USD, to: to("EUR", "1.00000001") })).toBe(333);
  });

  it("moves between currencies with different minor units (JPY has none, BHD three)", () => {
    expect(convertCents({ cents: 599, from: USD, to: to("JPY", "151.37", 0) })).toBe(907); // $5.99 × 151.37 = ¥906.7063
    expect(convertCents({ cents: 599, from: USD, to: to("BHD", "0.376", 3) })).toBe(2_252); // 2.25224 BHD
    expect(convertCents({ cents: 1_000, from: { code: "JPY", minorUnits: 0 }, to: to("USD", "0.0066") })).toBe(660);
  });

  it("refuses a rate that is not a plain decimal and a fractional amount", () => {
    for (const rate of ["1e3", "-1", "0.123456789", "", "1,5", "NaN"]) {
      expect(() => parseDecimal(rate)).toThrow(RangeError);
    }
    expect(() => convertCents({ cents: 1.5, from: USD, to: to("EUR", "1") })).toThrow(RangeError);
  });
});

describe("resolveCyclePrices", () => {
  const context: TCurrencyContext = { currency: to("EUR", "0.92"), defaultCurrency: USD };
  const price = (id: string, currency: string, cycle: "MONTHLY" | "ANNUALLY", amountCents: number, setupFeeCents = 0) => ({ id, currency, cycle, amountCents, setupFeeCents });

  it("converts the default currency's prices, setup fee included, when there is no explicit price", () => {
    expect(resolveCyclePrices([price("p1", "USD", "MONTHLY", 1_499, 1_000)], context)).toEqual([
      { sourcePriceId: "p1", cycle: "MONTHLY", currency: "EUR", amountCents: 1_379, setupFeeCents: 920, isConverted: true },
    ]);
  });

  it("lets an explicit price win over the converted one, cycle by cycle", () => {
    const prices = [price("m-usd", "USD", "MONTHLY", 599), price("y-usd", "USD", "ANNUALLY", 5_990), price("m-eur", "EUR", "MONTHLY", 499)];
    expect(resolveCyclePrices(prices, context)).toEqual([
      { sourcePriceId: "m-eur", cycle: "MONTHLY", currency: "EUR", amountCents: 499, setupFeeCents: 0, isConverted: false },
      { sourcePriceId: "y-usd", cycle: "ANNUALLY", currency: "EUR", amountCents: 5_511, setupFeeCents: 0, isConverted: true },
    ]);
  });

  it("offers nothing for a cycle priced only in a third currency", () => {
    expect(resolveCyclePrices([price("gbp", "GBP", "MONTHLY", 500)], context)).toEqual([]);
  });

  it("in the default currency returns the stored prices unchanged", () => {
    const usd: TCurrencyContext = { currency: { ...USD, exchangeRate: "1" }, defaultCurrency: USD };
    expect(resolveCyclePrices([price("p1", "USD", "MONTHLY", 599)], usd)).toEqual([
      { sourcePriceId: "p1", cycle: "MONTHLY", currency: "USD", amountCents: 599, setupFeeCents: 0, isConverted: false },
    ]);
  });
});
