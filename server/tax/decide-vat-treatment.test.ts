import { describe, expect, it } from "vitest";
import { decideVatTreatment, type TCustomerTaxProfile } from "./decide-vat-treatment";
import { isEuMemberState, toViesCountryCode } from "./eu-vat-rates";
import { documentText } from "@/server/i18n/document-text";

const SELLER = { country: "NL", vatNumber: "NL123456789B01" };
const customer = (overrides: Partial<TCustomerTaxProfile>): TCustomerTaxProfile => ({
  country: "DE", state: "", isBusiness: false, isTaxable: true, vat: null, ...overrides,
});
const decide = (overrides: Partial<TCustomerTaxProfile>) => decideVatTreatment({ seller: SELLER, customer: customer(overrides) });

describe("decideVatTreatment (electronically supplied services)", () => {
  it("charges home-country VAT to a customer in the seller's state, even a business with a valid number", () => {
    expect(decide({ country: "NL" })).toEqual({ kind: "rules", country: "NL", state: "", notes: [] });
    expect(decide({ country: "NL", isBusiness: true, vat: { country: "NL", number: "999999999B01", status: "VALID" } }).kind).toBe("rules");
  });

  it("charges an EU consumer in another member state that state's rate", () => {
    expect(decide({ country: "FI" })).toEqual({ kind: "rules", country: "FI", state: "", notes: [] });
  });

  it("reverse-charges a business in another member state with a VIES-valid number, naming both numbers", () => {
    expect(decide({ country: "GR", isBusiness: true, vat: { country: "GR", number: "094259216", status: "VALID" } })).toEqual({
      kind: "reverse-charge",
      notes: ["Reverse charge", "Supplier VAT number: NL123456789B01", "Customer VAT number: EL094259216"],
    });
  });

  it("writes the legends in the invoice's language", () => {
    const vat = { country: "AT", number: "U12345678", status: "VALID" } as const;
    expect(decideVatTreatment({ seller: SELLER, customer: customer({ country: "AT", isBusiness: true, vat }), text: documentText("de") }).notes).toEqual([
      "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge)",
      "USt-IdNr. des Leistenden: NL123456789B01",
      "USt-IdNr. des Leistungsempfängers: ATU12345678",
    ]);
  });

  it("charges VAT as for a consumer when the number is invalid, unchecked, unavailable or of another country", () => {
    for (const status of ["INVALID", "NOT_CHECKED"] as const) {
      expect(decide({ isBusiness: true, vat: { country: "DE", number: "1", status } })).toEqual({ kind: "rules", country: "DE", state: "", notes: [] });
    }
    const unavailable = decide({ isBusiness: true, vat: { country: "DE", number: "123456789", status: "UNAVAILABLE" } });
    expect(unavailable.kind).toBe("rules");
    expect(unavailable.notes[0]).toMatch(/DE123456789 could not be verified/);
    expect(decide({ isBusiness: true, vat: { country: "AT", number: "U1", status: "VALID" } }).kind).toBe("rules");
    expect(decide({ isBusiness: false, vat: { country: "DE", number: "1", status: "VALID" } }).kind).toBe("rules");
  });

  it("looks up the customer's own rules outside the EU (none → no tax), and treats XI as outside", () => {
    expect(decide({ country: "US", state: "TX", isBusiness: true })).toEqual({ kind: "rules", country: "US", state: "TX", notes: [] });
    expect(decide({ country: "XI", isBusiness: true, vat: { country: "XI", number: "1", status: "VALID" } }).kind).toBe("rules");
  });

  it("charges no tax at all to a client that is not taxable", () => {
    expect(decide({ country: "NL", isTaxable: false })).toEqual({ kind: "exempt", notes: [] });
    expect(decide({ country: "US", isTaxable: false, taxId: " 12-3456789 " })).toEqual({ kind: "exempt", notes: ["Customer tax ID: 12-3456789"] });
  });

  it("uses ISO codes, with EL only at the VIES boundary", () => {
    expect(isEuMemberState("GR")).toBe(true);
    expect(isEuMemberState("EL")).toBe(false);
    expect(isEuMemberState("XI")).toBe(false);
    expect(toViesCountryCode("GR")).toBe("EL");
    expect(toViesCountryCode("DE")).toBe("DE");
  });
});
