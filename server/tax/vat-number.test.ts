import { describe, expect, it } from "vitest";
import { parseVatNumber } from "./vat-number";

describe("parseVatNumber", () => {
  it.each([
    ["de 123.456-789", "DE", { country: "DE", number: "123456789" }],
    ["EL094259216", "GR", { country: "GR", number: "094259216" }],
    ["094259216", "GR", { country: "GR", number: "094259216" }],
    ["NL123456789B01", "DE", { country: "NL", number: "123456789B01" }],
    ["ATU12345678", "AT", { country: "AT", number: "U12345678" }],
    ["FRXX123456789", "FR", { country: "FR", number: "XX123456789" }],
  ])("%s (billing %s)", (raw, billing, expected) => {
    expect(parseVatNumber(raw, billing)).toEqual(expected);
  });

  it.each(["", "  ", "DE1234567890123", "DE!", "1"])("refuses %j", (raw) => {
    expect(parseVatNumber(raw, "DE")).toBeNull();
  });
});
