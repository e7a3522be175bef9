import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";

describe("formatMoney", () => {
  it.each([
    { cents: 1_999, currency: "USD", expected: "$19.99" },
    { cents: 0, currency: "EUR", expected: "€0.00" },
    { cents: 1_500, currency: "JPY", expected: "¥1,500" },
  ])("$cents $currency → $expected", ({ cents, currency, expected }) => {
    expect(formatMoney(cents, currency)).toBe(expected);
  });
});

it("formats in the reader's language (German: decimal comma, the symbol after the amount)", () => {
  expect(formatMoney(123_456, "EUR", "de")).toBe("1.234,56\u00a0€");
  expect(formatMoney(1_500, "JPY", "de")).toBe("1.500\u00a0¥");
});
