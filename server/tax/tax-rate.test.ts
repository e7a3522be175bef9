import { describe, expect, it } from "vitest";
import { formatTaxRate, parseTaxRate } from "./tax-rate";

describe("tax rates as exact decimals", () => {
  it.each([
    ["25.5", 255_000],
    ["9.975", 99_750],
    ["8.875", 88_750],
    ["20", 200_000],
    ["0", 0],
    ["100", 1_000_000],
    [" 7.0 ", 70_000],
  ])("%s %% is %i millionths and formats back exactly", (text, millionths) => {
    expect(parseTaxRate(text)).toBe(millionths);
    expect(formatTaxRate(millionths)).toBe(String(Number(text.trim())));
  });

  it.each(["", "abc", "-5", "100.0001", "1.23456", "1e2", "12,5", "101"])("refuses %j", (text) => {
    expect(parseTaxRate(text)).toBeNull();
  });
});
