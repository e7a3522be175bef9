import { describe, expect, it } from "vitest";
import { priceOptions, type TConfigOption } from "./price-options";
import type { TCurrencyContext } from "./resolve-cycle-prices";

const context: TCurrencyContext = { currency: { code: "USD", minorUnits: 2, exchangeRate: "1" }, defaultCurrency: { code: "USD", minorUnits: 2 } };
const eur: TCurrencyContext = { currency: { code: "EUR", minorUnits: 2, exchangeRate: "0.92" }, defaultCurrency: { code: "USD", minorUnits: 2 } };
const monthly = (id: string, amountCents: number, setupFeeCents = 0) => [{ id, currency: "USD", cycle: "MONTHLY" as const, amountCents, setupFeeCents }];

const os: TConfigOption = {
  id: "os", name: "Operating System", kind: "DROPDOWN", minQuantity: null, maxQuantity: null, stepQuantity: null,
  values: [{ id: "linux", label: "Linux", prices: monthly("os-l", 0) }, { id: "windows", label: "Windows", prices: monthly("os-w", 1_500, 500) }],
};
const storage: TConfigOption = {
  id: "storage", name: "Extra Storage", kind: "QUANTITY", minQuantity: 0, maxQuantity: 50, stepQuantity: 10,
  values: [{ id: "gb", label: "GB", prices: monthly("st", 25) }],
};
const ip: TConfigOption = {
  id: "ip", name: "Dedicated IP", kind: "YES_NO", minQuantity: null, maxQuantity: null, stepQuantity: null,
  values: [{ id: "ip-yes", label: "Yes", prices: monthly("ip", 300) }],
};
const options = [os, storage, ip];
const price = (choices: Record<string, string>, ctx = context) => priceOptions({ options, choices, cycle: "MONTHLY", context: ctx });

describe("priceOptions", () => {
  it("prices the chosen dropdown value, quantity × unit price and a yes", () => {
    expect(price({ os: "windows", storage: "20", ip: "yes" })).toEqual({
      ok: true,
      options: [
        { optionId: "os", optionName: "Operating System", valueId: "windows", valueLabel: "Windows", quantity: 1, amountCents: 1_500, setupFeeCents: 500 },
        { optionId: "storage", optionName: "Extra Storage", valueId: "gb", valueLabel: "GB × 20", quantity: 20, amountCents: 500, setupFeeCents: 0 },
        { optionId: "ip", optionName: "Dedicated IP", valueId: "ip-yes", valueLabel: "Yes", quantity: 1, amountCents: 300, setupFeeCents: 0 },
      ],
    });
  });

  it("takes the defaults for options left out: first value, minimum quantity (0: no line), no", () => {
    expect(price({})).toEqual({ ok: true, options: [expect.objectContaining({ valueId: "linux", amountCents: 0 })] });
  });

  it("converts option prices like product prices", () => {
    const result = price({ os: "windows", storage: "10" }, eur);
    expect(result.ok && result.options.map((option) => option.amountCents)).toEqual([1_380, 230]);
  });

  it("refuses tampered choices with a message naming the option", () => {
    expect(price({ os: "bsd" })).toEqual({ ok: false, problem: "Operating System: choose one of the values offered." });
    for (const quantity of ["15", "60", "-10", "1e1", "ten", "10.0"]) {
      expect(price({ storage: quantity })).toEqual({ ok: false, problem: "Extra Storage: choose a number from 0 to 50 in steps of 10." });
    }
    expect(price({ ip: "maybe" })).toEqual({ ok: false, problem: "Dedicated IP: answer yes or no." });
    expect(price({ "not-an-option": "x" })).toEqual({ ok: false, problem: "An option in your order does not belong to this product." });
  });

  it("refuses a value not priced in the cycle", () => {
    expect(priceOptions({ options, choices: { os: "windows" }, cycle: "ANNUALLY", context })).toEqual({ ok: false, problem: "Operating System is not offered with this billing cycle." });
  });
});
