import { describe, expect, it } from "vitest";
import { selectTaxRules, type TCandidateTaxRule } from "./select-tax-rules";

const base = { level: 1, compound: false, state: null, productTypes: [], effectiveTo: null, createdAt: new Date("2024-01-01") };
const rule = (overrides: Partial<TCandidateTaxRule> & { name: string }): TCandidateTaxRule => ({
  rateMillionths: 100_000, country: "CA", effectiveFrom: new Date("2020-01-01"), ...base, ...overrides,
});
const AT = new Date("2026-06-01");

describe("selectTaxRules", () => {
  const rules = [
    rule({ name: "GST", rateMillionths: 50_000 }),
    rule({ name: "QST", state: "QC", rateMillionths: 99_750, level: 2 }),
    rule({ name: "Everywhere", country: null, rateMillionths: 10_000, level: 2 }),
    rule({ name: "HST ON", state: "ON", rateMillionths: 130_000 }),
    rule({ name: "Domains only", state: "BC", rateMillionths: 70_000, level: 2, productTypes: ["DOMAIN"] }),
  ];
  const names = (country: string, state: string, productType: TCandidateTaxRule["productTypes"][number] = "SHARED_HOSTING") =>
    selectTaxRules(rules, { country, state, productType, at: AT }).map((chosen) => chosen.name);

  it("takes per level the most specific rule, stacking level 2 on level 1", () => {
    expect(names("CA", "qc")).toEqual(["GST", "QST"]);
    expect(names("CA", "ON")).toEqual(["HST ON", "Everywhere"]);
    expect(names("US", "TX")).toEqual(["Everywhere"]);
  });

  it("honours product types", () => {
    expect(names("CA", "BC", "DOMAIN")).toEqual(["GST", "Domains only"]);
    expect(names("CA", "BC")).toEqual(["GST", "Everywhere"]);
  });

  it("uses the period in effect: from is inclusive, to is exclusive", () => {
    const periods = [
      rule({ name: "FI 24", country: "FI", rateMillionths: 240_000, effectiveFrom: new Date("2024-01-01"), effectiveTo: new Date("2024-09-01") }),
      rule({ name: "FI 25.5", country: "FI", rateMillionths: 255_000, effectiveFrom: new Date("2024-09-01") }),
    ];
    const at = (date: string) => selectTaxRules(periods, { country: "FI", state: "", productType: "OTHER", at: new Date(date) }).map((r) => r.name);
    expect(at("2024-08-31T23:59:59Z")).toEqual(["FI 24"]);
    expect(at("2024-09-01T00:00:00Z")).toEqual(["FI 25.5"]);
    expect(at("2023-12-31T00:00:00Z")).toEqual([]);
  });
});
