import { describe, expect, it } from "vitest";
import { addBillingCycle } from "./add-billing-cycle";

describe("addBillingCycle", () => {
  it.each([
    { from: "2026-01-15T10:30:00.000Z", cycle: "MONTHLY", expected: "2026-02-15T10:30:00.000Z" },
    { from: "2026-01-31T00:00:00.000Z", cycle: "MONTHLY", expected: "2026-02-28T00:00:00.000Z" },
    { from: "2028-01-31T00:00:00.000Z", cycle: "MONTHLY", expected: "2028-02-29T00:00:00.000Z" },
    { from: "2026-11-30T00:00:00.000Z", cycle: "QUARTERLY", expected: "2027-02-28T00:00:00.000Z" },
    { from: "2026-08-31T00:00:00.000Z", cycle: "SEMI_ANNUALLY", expected: "2027-02-28T00:00:00.000Z" },
    { from: "2028-02-29T00:00:00.000Z", cycle: "ANNUALLY", expected: "2029-02-28T00:00:00.000Z" },
    { from: "2026-03-01T00:00:00.000Z", cycle: "BIENNIALLY", expected: "2028-03-01T00:00:00.000Z" },
    { from: "2026-03-01T00:00:00.000Z", cycle: "TRIENNIALLY", expected: "2029-03-01T00:00:00.000Z" },
  ] as const)("$from + $cycle → $expected", ({ from, cycle, expected }) => {
    expect(addBillingCycle(new Date(from), cycle)?.toISOString()).toBe(expected);
  });

  it.each(["ONE_TIME", "FREE"] as const)("%s never renews", (cycle) => {
    expect(addBillingCycle(new Date("2026-01-01T00:00:00Z"), cycle)).toBeNull();
  });
});
