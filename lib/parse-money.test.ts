import { describe, expect, it } from "vitest";
import { parseMoneyInput } from "./parse-money";

describe("parseMoneyInput", () => {
  it.each([
    { text: "25", currency: "USD", expected: 2_500 /* $25.00 */ },
    { text: "25.5", currency: "USD", expected: 2_550 /* $25.50 */ },
    { text: "0.07", currency: "USD", expected: 7 /* $0.07 */ },
    { text: " 1,250.99 ", currency: "USD", expected: 125_099 /* $1,250.99 */ },
    { text: "1500", currency: "JPY", expected: 1_500 /* ¥1,500 */ },
  ])("$text $currency → $expected", ({ text, currency, expected }) => {
    expect(parseMoneyInput(text, currency)).toBe(expected);
  });

  it.each([
    { text: "", currency: "USD" },
    { text: "abc", currency: "USD" },
    { text: "-5", currency: "USD" },
    { text: "1.234", currency: "USD" },
    { text: "1.5", currency: "JPY" },
    { text: "1e3", currency: "USD" },
  ])("rejects $text ($currency)", ({ text, currency }) => {
    expect(parseMoneyInput(text, currency)).toBeNull();
  });
});
