import { expect, it } from "vitest";
import { documentText } from "./document-text";

it("writes invoice lines in the customer's language, English for an unknown one", () => {
  const de = documentText("de");
  expect(de.lineWithCycle("Starter", "MONTHLY")).toBe("Starter (Monatlich)");
  expect(de.setupFee("Business")).toBe("Business – Einrichtungsgebühr");
  expect(de.groupDiscount("Reseller", 1_250, "Business (Monatlich)")).toBe("Kundengruppenrabatt (Reseller, 12,5 %): Business (Monatlich)");
  const en = documentText("fr");
  expect(en.locale).toBe("en");
  expect(en.lineWithCycle("Starter", "ANNUALLY")).toBe("Starter (Annually)");
  expect(en.groupDiscount("Resellers", 997, "x")).toBe("Client group discount (Resellers, 9.97 %): x");
});
