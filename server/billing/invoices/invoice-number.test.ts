import { describe, expect, it } from "vitest";
import { formatInvoiceNumber } from "./invoice-number";

describe("formatInvoiceNumber", () => {
  it.each([
    { prefix: "INV-", value: 1, expected: "INV-000001" },
    { prefix: "INV-", value: 42, expected: "INV-000042" },
    { prefix: "INV-", value: 999_999, expected: "INV-999999" },
    { prefix: "INV-", value: 1_000_000, expected: "INV-1000000" },
    { prefix: "", value: 7, expected: "000007" },
    { prefix: "2026/", value: 15, expected: "2026/000015" },
  ])("$prefix + $value → $expected", ({ prefix, value, expected }) => {
    expect(formatInvoiceNumber({ prefix, value })).toBe(expected);
  });

  it.each([0, -1, 1.5])("refuses %s, which no sequence hands out", (value) => {
    expect(() => formatInvoiceNumber({ prefix: "INV-", value })).toThrow(RangeError);
  });
});
