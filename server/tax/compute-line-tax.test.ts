import { describe, expect, it } from "vitest";
import { computeLineTax } from "./compute-line-tax";

const SALES_TAX = { name: "Sales Tax", rateBasisPoints: 825 /* 8.25 % */ };

describe("computeLineTax", () => {
  it.each([
    { amountCents: 1_499 /* $14.99 */, expectedTaxCents: 124 /* $1.2366… → $1.24 */ },
    { amountCents: 1_000 /* $10.00 */, expectedTaxCents: 83 /* $0.825 → $0.83 (half away from zero) */ },
    { amountCents: 599 /* $5.99 */, expectedTaxCents: 49 /* $0.4941… → $0.49 */ },
    { amountCents: 14_990 /* $149.90 */, expectedTaxCents: 1_237 /* $12.3667… → $12.37 */ },
    { amountCents: 1 /* $0.01 */, expectedTaxCents: 0 /* $0.000825 → $0.00 */ },
    { amountCents: 0 /* $0.00 */, expectedTaxCents: 0 /* $0.00 */ },
  ])("$amountCents at 8.25 % → $expectedTaxCents", ({ amountCents, expectedTaxCents }) => {
    expect(computeLineTax({ amountCents, rule: SALES_TAX })).toEqual({
      taxName: "Sales Tax",
      taxBasisPoints: 825,
      taxCents: expectedTaxCents,
    });
  });

  it("leaves a line untaxed when no rule applies", () => {
    expect(computeLineTax({ amountCents: 1_499 /* $14.99 */, rule: null })).toEqual({ taxName: null, taxBasisPoints: 0, taxCents: 0 });
  });

  it("rounds each line on its own: $14.99 + $10.00 setup at 8.25 % is $1.24 + $0.83 = $2.07, not 8.25 % of $24.99 ($2.06)", () => {
    const lineTaxCents = [1_499, 1_000].map((amountCents) => computeLineTax({ amountCents, rule: SALES_TAX }).taxCents);
    expect(lineTaxCents).toEqual([124, 83]);
    expect(lineTaxCents[0]! + lineTaxCents[1]!).toBe(207 /* $2.07 */);
  });
});
