import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { findTaxRule } from "@/server/tax/find-tax-rule";
import { resetDatabase } from "@/tests/db";

const AT = new Date("2026-06-15T12:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  await db.taxRule.createMany({
    data: [
      { name: "US Sales Tax", country: "US", rateBasisPoints: 825 /* 8.25 % */, effectiveFrom: new Date("2020-01-01T00:00:00Z") },
      { name: "Texas Sales Tax", country: "US", state: "TX", rateBasisPoints: 625 /* 6.25 % */, effectiveFrom: new Date("2020-01-01T00:00:00Z") },
      {
        name: "Old German VAT",
        country: "DE",
        rateBasisPoints: 1_600 /* 16 % */,
        effectiveFrom: new Date("2020-07-01T00:00:00Z"),
        effectiveTo: new Date("2021-01-01T00:00:00Z"),
      },
      { name: "German VAT", country: "DE", rateBasisPoints: 1_900 /* 19 % */, effectiveFrom: new Date("2021-01-01T00:00:00Z") },
      { name: "Future French VAT", country: "FR", rateBasisPoints: 2_100 /* 21 % */, effectiveFrom: new Date("2027-01-01T00:00:00Z") },
    ],
  });
});

describe("findTaxRule", () => {
  it.each([
    { country: "US", state: "CA", at: AT, expected: { name: "US Sales Tax", rateBasisPoints: 825 } },
    { country: "US", state: "tx", at: AT, expected: { name: "Texas Sales Tax", rateBasisPoints: 625 } },
    { country: "DE", state: "Berlin", at: AT, expected: { name: "German VAT", rateBasisPoints: 1_900 } },
    { country: "DE", state: "Berlin", at: new Date("2020-10-01T00:00:00Z"), expected: { name: "Old German VAT", rateBasisPoints: 1_600 } },
    { country: "FR", state: "Paris", at: AT, expected: null },
    { country: "JP", state: "Tokyo", at: AT, expected: null },
  ])("$country/$state at $at → $expected.name", async ({ country, state, at, expected }) => {
    expect(await findTaxRule({ country, state, at })).toEqual(expected);
  });

  it("applies a rule for everywhere (no country) when nothing more specific exists", async () => {
    await db.taxRule.create({ data: { name: "Digital Services Tax", rateBasisPoints: 300 /* 3 % */, effectiveFrom: new Date("2020-01-01T00:00:00Z") } });
    expect(await findTaxRule({ country: "JP", state: "Tokyo", at: AT })).toEqual({ name: "Digital Services Tax", rateBasisPoints: 300 });
    expect(await findTaxRule({ country: "US", state: "CA", at: AT })).toEqual({ name: "US Sales Tax", rateBasisPoints: 825 });
  });
});
