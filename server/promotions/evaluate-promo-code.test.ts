import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePromoCode, normalizePromoCode, type TPromoLine, type TPromoRules } from "./evaluate-promo-code";

const NOW = new Date("2026-12-01T12:00:00Z");
const rules = (overrides: Partial<TPromoRules> = {}): TPromoRules => ({
  code: "WELCOME10", kind: "PERCENT", percentBasisPoints: 1_000, amounts: {}, recurrence: "ONCE", recurringCycles: null,
  productIds: [], addonIds: [], cycles: [], startsAt: null, endsAt: null, maxUses: null, uses: 0,
  oncePerClient: false, newClientsOnly: false, isActive: true, ...overrides,
});
const starter: TPromoLine = { key: "0:product", kind: "product", productId: "starter", cycle: "MONTHLY", amountCents: 599 };
const starterSetup: TPromoLine = { key: "0:setup", kind: "setup-fee", productId: "starter", cycle: "MONTHLY", amountCents: 1_000 };
const backups: TPromoLine = { key: "0:addon:backups", kind: "addon", productId: "starter", addonId: "backups", cycle: "MONTHLY", amountCents: 200 };
const domain: TPromoLine = { key: "1:product", kind: "product", productId: "com-domain", cycle: "ANNUALLY", amountCents: 1_299 };
const newClient = { isNewClient: true, hasUsedCode: false };
const evaluate = (r: TPromoRules, lines: TPromoLine[] = [starter, starterSetup, backups, domain], customer = newClient, currency = "USD") =>
  evaluatePromoCode({ rules: r, lines, currency, customer, now: NOW });

describe("evaluatePromoCode", () => {
  it("takes a percentage off every product line of a code limited to nothing, rounded once per line (599 × 10 % = 59.9 → 60)", () => {
    expect(evaluate(rules())).toEqual({
      ok: true,
      discounts: [{ lineKey: "0:product", amountCents: -60 }, { lineKey: "1:product", amountCents: -130 }],
      discountCents: -190,
    });
  });

  it("limits to the named products, add-ons and cycles; setup fees are never discounted", () => {
    expect(evaluate(rules({ productIds: ["starter"], addonIds: ["backups"] }))).toMatchObject({
      discounts: [{ lineKey: "0:product", amountCents: -60 }, { lineKey: "0:addon:backups", amountCents: -20 }],
    });
    expect(evaluate(rules({ cycles: ["ANNUALLY"] }))).toMatchObject({ discounts: [{ lineKey: "1:product", amountCents: -130 }] });
    expect(evaluate(rules({ addonIds: ["backups"] }))).toMatchObject({ discounts: [{ lineKey: "0:addon:backups" }] });
  });

  it("takes a fixed amount in the order's currency off each eligible line, never more than the line", () => {
    const fixed = rules({ kind: "FIXED", percentBasisPoints: null, amounts: { USD: 1_000, EUR: 900 } });
    expect(evaluate(fixed)).toMatchObject({ discounts: [{ lineKey: "0:product", amountCents: -599 }, { lineKey: "1:product", amountCents: -1_000 }], discountCents: -1_599 });
    expect(evaluate(fixed, [domain], newClient, "EUR")).toMatchObject({ discountCents: -900 });
  });

  it("gives each refusal its own reason", () => {
    const cases: [Partial<TPromoRules>, string][] = [
      [{ isActive: false }, "This code is no longer available."],
      [{ startsAt: new Date("2026-12-02T00:00:00Z") }, "This code is not valid yet."],
      [{ endsAt: NOW }, "This code has expired."],
      [{ maxUses: 5, uses: 5 }, "This code has been used up."],
      [{ productIds: ["business"] }, "This code does not apply to anything in your cart."],
      [{ kind: "FIXED", amounts: { EUR: 500 } }, "This code cannot be used in the currency of your order."],
    ];
    for (const [overrides, message] of cases) expect(evaluate(rules(overrides))).toMatchObject({ ok: false, message });
    expect(evaluate(rules({ newClientsOnly: true }), undefined, { isNewClient: false, hasUsedCode: false })).toMatchObject({ ok: false, reason: "new-clients-only", message: "This code is only for new clients." });
    expect(evaluate(rules({ oncePerClient: true }), undefined, { isNewClient: false, hasUsedCode: true })).toMatchObject({ ok: false, reason: "already-used" });
    // NOTE: the same customer may use a code that is not once-per-client again.
    expect(evaluate(rules(), undefined, { isNewClient: false, hasUsedCode: true })).toMatchObject({ ok: true });
  });

  it("normalises what customers type", () => {
    expect(normalizePromoCode("  welcome10 ")).toBe("WELCOME10");
  });

  it("property: the total is the sum of the rounded lines, each within its line, exact for any amounts and rates", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 10_000_000 }),
        (amounts, basisPoints, isFixed, fixedCents) => {
          const lines = amounts.map((amountCents, i): TPromoLine => ({ key: `${i}`, kind: "product", productId: `p${i}`, cycle: "MONTHLY", amountCents }));
          const result = evaluate(rules(isFixed ? { kind: "FIXED", amounts: { USD: fixedCents } } : { percentBasisPoints: basisPoints }), lines);
          if (amounts.every((amount) => amount === 0)) {
            // NOTE: not `return expect(…)`: fast-check treats a returned false-ish assertion value as a failure.
            expect(result).toMatchObject({ ok: false, reason: "not-applicable" });
            return;
          }
          if (!result.ok) throw new Error(result.message);
          expect(result.discountCents).toBe(result.discounts.reduce((total, line) => total + line.amountCents, 0));
          for (const discount of result.discounts) {
            const line = lines.find((candidate) => candidate.key === discount.lineKey)!;
            expect(Number.isSafeInteger(discount.amountCents)).toBe(true);
            expect(-discount.amountCents).toBeGreaterThanOrEqual(0);
            expect(-discount.amountCents).toBeLessThanOrEqual(line.amountCents);
            if (!isFixed) expect(Math.abs(-discount.amountCents - (line.amountCents * basisPoints) / 10_000)).toBeLessThanOrEqual(0.5);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
