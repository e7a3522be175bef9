import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TClientPrincipal, TStaffPrincipal } from "@/server/auth/principal";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";
import { startViesStandIn, type ViesStandIn } from "@/tests/stand-ins/vies/vies-stand-in";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";
import { callerFor } from "@/tests/support/trpc";
import { trpcErrorOf } from "@/tests/support/trpc-error";

// Editing a client's tax ID after the order (staff on the details page, the client on its dashboard): an EU
// account's number is checked with VIES (a stand-in on 127.0.0.1) and the answer kept as evidence.
const GERMAN_CONSUMER = { address1: "Unter den Linden 1", city: "Berlin", state: "Berlin", zip: "10117", country: "DE", phone: "+49 30 1234567" };

let vies: ViesStandIn;
let catalog: TSeededCatalog;
let staff: TStaffPrincipal;
let german: { principal: TClientPrincipal; clientId: string };

beforeAll(async () => {
  vies = await startViesStandIn();
  process.env.VIES_URL = vies.url;
});
afterAll(async () => {
  delete process.env.VIES_URL;
  await vies.stop();
});

beforeEach(async () => {
  await resetDatabase();
  vies.state.fixtures.clear();
  vies.state.requests.length = 0;
  vies.state.isServiceDown = false;
  catalog = await seedCatalog();
  staff = (await createStaffFixture()).principal;
  const created = await createClientWithOrder({ ...GERMAN_CONSUMER, items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], firstName: "Greta" });
  german = { principal: created.principal, clientId: created.placed.clientId };
});


describe("a client's tax details", () => {
  it("staff save a VAT number VIES calls valid: stored, evidence kept with the consultation number, audited", async () => {
    vies.setFixture("DE123456789", { valid: true, name: "BEISPIEL GMBH" });
    const saved = await callerFor(staff).adminClients.updateTaxDetails({ clientId: german.clientId, isTaxable: true, taxId: "DE 123 456 789" });

    expect(saved).toMatchObject({ isTaxable: true, taxId: "DE 123 456 789", vat: { status: "VALID", consultationNumber: "WAPIAAAA00000001" } });
    expect(vies.state.requests.map((request) => request.body)).toEqual([
      { countryCode: "DE", vatNumber: "123456789", requesterMemberStateCode: "NL", requesterNumber: "123456789B01" },
    ]);
    expect(await db.client.findUniqueOrThrow({ where: { id: german.clientId }, select: { taxId: true } })).toEqual({ taxId: "DE 123 456 789" });
    const number = await db.vatNumber.findUniqueOrThrow({ where: { country_number: { country: "DE", number: "123456789" } }, include: { checks: true } });
    expect(number.status).toBe("VALID");
    expect(number.checks.map((check) => check.result)).toEqual(["VALID"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "client.tax-details-updated", entityId: german.clientId } });
    expect(audit).toMatchObject({ actorKind: "STAFF", actorId: staff.staffId, before: { taxId: "" }, after: { taxId: "DE 123 456 789" } });
  });

  it("a number VIES calls invalid, or one without a usable form, is a field error on the tax ID and changes nothing", async () => {
    vies.setFixture("DE999999999", { valid: false });
    const before = await databaseFingerprint();
    const invalid = await trpcErrorOf(callerFor(staff).adminClients.updateTaxDetails({ clientId: german.clientId, isTaxable: false, taxId: "DE999999999" }));
    expect(invalid.cause?.details?.fieldErrors?.taxId).toEqual(["This VAT number is not valid according to VIES. Check it, or leave the field empty."]);
    const malformed = await trpcErrorOf(callerFor(german.principal).clientArea.updateTaxId({ taxId: "?" }));
    expect(malformed.cause?.details?.fieldErrors?.taxId).toEqual(["Enter the VAT number with its country prefix, e.g. DE123456789."]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("VIES unavailable: the number is saved, not verified, and a re-check is queued", async () => {
    vies.setFixture("DE123456789", "MS_UNAVAILABLE");
    const saved = await callerFor(german.principal).clientArea.updateTaxId({ taxId: "DE123456789" });
    expect(saved).toMatchObject({ isTaxable: true, taxId: "DE123456789", vat: { status: "UNAVAILABLE" } });
    const number = await db.vatNumber.findUniqueOrThrow({ where: { country_number: { country: "DE", number: "123456789" } } });
    expect(number).toMatchObject({ status: "UNAVAILABLE", verifiedAt: null });
    expect(await db.inngestEvent.count({ where: { name: "tax/vat-number.recheck-requested" } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "client.tax-details-updated", entityId: german.clientId } });
    expect(audit).toMatchObject({ actorKind: "CONTACT", actorId: german.principal.contactId });
  });

  it("outside the EU the tax ID is kept as given, without asking VIES; a client cannot change whether it is taxable", async () => {
    const american = await createClientWithOrder({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], firstName: "Sam" });
    const saved = await callerFor(american.principal).clientArea.updateTaxId({ taxId: "EIN 12-3456789", isTaxable: false } as never);
    expect(saved).toMatchObject({ isTaxable: true, taxId: "EIN 12-3456789", vat: null });
    expect(vies.state.requests).toEqual([]);
    await callerFor(staff).adminClients.updateTaxDetails({ clientId: american.placed.clientId, isTaxable: false, taxId: "EIN 12-3456789" });
    expect(await db.client.findUniqueOrThrow({ where: { id: american.placed.clientId }, select: { isTaxable: true, taxId: true } })).toEqual({ isTaxable: false, taxId: "EIN 12-3456789" });
  });
});
