import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sumCents } from "@/server/money/money";
import { computeLineTaxes, type TLineTaxRule } from "./compute-line-taxes";
import { formatTaxRate } from "./tax-rate";

const rule = (name: string, rateMillionths: number, level = 1, compound = false): TLineTaxRule => ({ name, rateMillionths, level, compound });
const SALES_TAX = rule("Sales Tax", 82_500 /* 8.25 % */);

describe("computeLineTaxes, exclusive prices", () => {
  it.each([
    { priceCents: 1_499 /* $14.99 */, taxCents: 124 /* $1.2366… */ },
    { priceCents: 1_000 /* $10.00 */, taxCents: 83 /* $0.825 → half away from zero */ },
    { priceCents: 599, taxCents: 49 },
    { priceCents: 1, taxCents: 0 },
    { priceCents: 0, taxCents: 0 },
    { priceCents: -1_000 /* a credit line */, taxCents: -83 /* −$0.825 → −$0.83, away from zero */ },
  ])("$priceCents at 8.25 % → $taxCents", ({ priceCents, taxCents }) => {
    expect(computeLineTaxes({ priceCents, rules: [SALES_TAX], pricesIncludeTax: false })).toEqual({
      amountCents: priceCents,
      taxes: [{ name: "Sales Tax", rate: "8.25", amountCents: taxCents }],
      taxCents,
    });
  });

  it("charges rates finer than basis points exactly: 9.975 % QST and 8.875 % NYC", () => {
    expect(computeLineTaxes({ priceCents: 10_000, rules: [rule("QST", 99_750)], pricesIncludeTax: false }).taxCents).toBe(998 /* 997.5 */);
    expect(computeLineTaxes({ priceCents: 2_000, rules: [rule("NYC", 88_750)], pricesIncludeTax: false }).taxCents).toBe(178 /* 177.5 */);
    expect(computeLineTaxes({ priceCents: 1_000, rules: [rule("ALV", 255_000)], pricesIncludeTax: false }).taxes).toEqual([
      { name: "ALV", rate: "25.5", amountCents: 255 },
    ]);
  });

  it("stacks a level 2 tax on the net, and a compound one on the net plus level 1 tax", () => {
    const gst = rule("GST", 50_000);
    const simple = computeLineTaxes({ priceCents: 10_000, rules: [rule("PST", 70_000, 2), gst], pricesIncludeTax: false });
    expect(simple.taxes).toEqual([{ name: "GST", rate: "5", amountCents: 500 }, { name: "PST", rate: "7", amountCents: 700 }]);
    const compound = computeLineTaxes({ priceCents: 10_000, rules: [gst, rule("QST 1994", 75_000, 2, true)], pricesIncludeTax: false });
    expect(compound.taxes).toEqual([{ name: "GST", rate: "5", amountCents: 500 }, { name: "QST 1994", rate: "7.5", amountCents: 788 /* 7.5 % of 105.00 */ }]);
    expect(compound.taxCents).toBe(1_288);
  });

  it("leaves a line untaxed when no rule applies", () => {
    expect(computeLineTaxes({ priceCents: 1_499, rules: [], pricesIncludeTax: false })).toEqual({ amountCents: 1_499, taxes: [], taxCents: 0 });
  });
});

describe("computeLineTaxes, inclusive prices", () => {
  it("extracts the tax: €12.10 at 21 % is €10.00 + €2.10", () => {
    expect(computeLineTaxes({ priceCents: 1_210, rules: [rule("VAT", 210_000)], pricesIncludeTax: true })).toEqual({
      amountCents: 1_000, taxes: [{ name: "VAT", rate: "21", amountCents: 210 }], taxCents: 210,
    });
  });
});

const arbRule = fc.record({
  name: fc.constantFrom("A", "B", "C"),
  rateMillionths: fc.integer({ min: 0, max: 300_000 }),
  level: fc.constantFrom(1, 2),
  compound: fc.boolean(),
});
const arbRules = fc.uniqueArray(arbRule, { maxLength: 2, selector: (candidate) => candidate.level });
const arbPrices = fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 8 });

describe("computeLineTaxes properties", () => {
  it("a line's tax is the sum of its rounded taxes, and a document's total is the sum of its rounded lines", () => {
    fc.assert(
      fc.property(arbPrices, arbRules, fc.boolean(), (prices, rules, pricesIncludeTax) => {
        const lines = prices.map((priceCents) => computeLineTaxes({ priceCents, rules, pricesIncludeTax }));
        for (const line of lines) {
          expect(line.taxCents).toBe(sumCents(line.taxes.map((tax) => tax.amountCents)));
          for (const tax of line.taxes) expect(Number.isSafeInteger(tax.amountCents)).toBe(true);
        }
        const total = sumCents(lines.map((line) => line.amountCents + line.taxCents));
        expect(total).toBe(sumCents(lines.map((line) => line.amountCents)) + sumCents(lines.map((line) => line.taxCents)));
      }),
    );
  });

  it("with tax-inclusive prices every line, and so the total, equals the shown price", () => {
    fc.assert(
      fc.property(arbPrices, arbRules, (prices, rules) => {
        const lines = prices.map((priceCents) => computeLineTaxes({ priceCents, rules, pricesIncludeTax: true }));
        lines.forEach((line, index) => expect(line.amountCents + line.taxCents).toBe(prices[index]));
        expect(sumCents(lines.map((line) => line.amountCents + line.taxCents))).toBe(sumCents(prices));
      }),
    );
  });

  it("never charges negative tax on a non-negative price, nor a net amount below zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), arbRules, fc.boolean(), (priceCents, rules, pricesIncludeTax) => {
        const line = computeLineTaxes({ priceCents, rules, pricesIncludeTax });
        for (const tax of line.taxes) expect(tax.amountCents).toBeGreaterThanOrEqual(0);
        expect(line.amountCents).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("an inclusive price taxes its extracted net within a cent of the exclusive tax on that net", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), arbRules, (priceCents, rules) => {
        const inclusive = computeLineTaxes({ priceCents, rules, pricesIncludeTax: true });
        const exclusive = computeLineTaxes({ priceCents: inclusive.amountCents, rules, pricesIncludeTax: false });
        expect(Math.abs(exclusive.taxCents - inclusive.taxCents)).toBeLessThanOrEqual(rules.length);
        expect(inclusive.taxes.map((tax) => tax.rate)).toEqual(
          [...rules].sort((a, b) => a.level - b.level).map((candidate) => formatTaxRate(candidate.rateMillionths)),
        );
      }),
    );
  });
});
