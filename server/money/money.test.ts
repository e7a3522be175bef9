import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyBasisPoints, assertCents, roundHalfAwayFromZero, sumCents } from "./money";

describe("applyBasisPoints", () => {
  it.each([
    { cents: 10_000 /* €100.00 */, basisPoints: 2000, expected: 2_000 /* €20.00 */ },
    { cents: 999 /* €9.99 */, basisPoints: 2550, expected: 255 /* €2.547… → €2.55 */ },
    { cents: 1 /* €0.01 */, basisPoints: 2100, expected: 0 /* €0.0021 → €0.00 */ },
    { cents: 250 /* €2.50 */, basisPoints: 1000, expected: 25 /* exactly €0.25 */ },
    { cents: 5 /* €0.05 */, basisPoints: 1000, expected: 1 /* €0.005 → half away from zero → €0.01 */ },
    { cents: -5 /* -€0.05 */, basisPoints: 1000, expected: -1 /* symmetric for credits */ },
  ])("$cents at $basisPoints bp → $expected", ({ cents, basisPoints, expected }) => {
    expect(applyBasisPoints(cents, basisPoints)).toBe(expected);
  });

  it("never differs from the exact share by more than half a cent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (cents, bp) => {
        const result = applyBasisPoints(cents, bp);
        expect(Math.abs(result * 10_000 - cents * bp)).toBeLessThanOrEqual(5_000);
      }),
    );
  });
});

describe("roundHalfAwayFromZero", () => {
  it.each([
    [15, 10, 2],
    [14, 10, 1],
    [-15, 10, -2],
    [-14, 10, -1],
  ])("%i / %i → %i", (numerator, denominator, expected) => {
    expect(roundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });
});

describe("sumCents", () => {
  it("adds exact integers and refuses fractions", () => {
    expect(sumCents([1_999, 1, 0])).toBe(2_000);
    expect(() => sumCents([0.1, 0.2])).toThrow(RangeError);
    expect(() => assertCents(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});
