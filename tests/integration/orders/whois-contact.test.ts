import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";

// "WHOIS contact" on Order Summary when a domain is in the cart: the same data as the primary contact (stored as
// null) or the registrant's own, which is validated like the contact and kept on the order.
const NOW = new Date("2026-03-02T10:00:00Z");
const REGISTRANT = {
  whoisSameAsPrimary: false, whoisCompany: "Domains GmbH", whoisFirstName: "Rita", whoisLastName: "Registrant", whoisEmail: "Rita@Example.com",
  whoisAddress1: "Hauptstr. 1", whoisCity: "Köln", whoisState: "NRW", whoisZip: "50667", whoisCountry: "de", whoisPhone: "+49 221 123456",
};

let catalog: TSeededCatalog;
beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
});

const domainOrder = (whois: Partial<typeof REGISTRANT>) => buildPlaceOrderInput({ items: [{ productId: catalog.comDomainId, cycle: "ANNUALLY" }], ...whois });

describe("the WHOIS contact", () => {
  it("keeps a different registrant on the order; the same data is stored as null", async () => {
    const different = await placeOrder({ input: domainOrder(REGISTRANT), now: NOW });
    expect((await db.order.findUniqueOrThrow({ where: { id: different.orderId } })).whoisContact).toEqual({
      company: "Domains GmbH", firstName: "Rita", lastName: "Registrant", email: "rita@example.com", address1: "Hauptstr. 1", city: "Köln",
      state: "NRW", zip: "50667", country: "DE", phone: "+49 221 123456",
    });
    const same = await placeOrder({ input: domainOrder({}), now: NOW });
    expect((await db.order.findUniqueOrThrow({ where: { id: same.orderId } })).whoisContact).toBeNull();
  });

  it("without a domain in the cart, no WHOIS contact is kept", async () => {
    const placed = await placeOrder({ input: buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], ...REGISTRANT }), now: NOW });
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).whoisContact).toBeNull();
  });

  it("different data must be complete and valid: a field error per missing field, nothing created", async () => {
    const before = await databaseFingerprint();
    const error = await placeOrder({ input: domainOrder({ whoisSameAsPrimary: false, whoisFirstName: "Rita", whoisEmail: "not-an-address", whoisCountry: "XX" }), now: NOW }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    const fieldErrors = (error as AppError).details.fieldErrors ?? {};
    expect(Object.keys(fieldErrors).sort()).toEqual(["whoisAddress1", "whoisCity", "whoisCountry", "whoisEmail", "whoisLastName", "whoisPhone", "whoisState", "whoisZip"]);
    expect(fieldErrors.whoisEmail).toEqual(["Enter a valid e-mail address, e.g. name@example.com."]);
    expect(fieldErrors.whoisLastName).toEqual(["Enter the WHOIS contact's last name."]);
    expect(await databaseFingerprint()).toEqual(before);
  });
});
