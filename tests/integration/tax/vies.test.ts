import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { quoteOrder } from "@/server/orders/quote-order";
import { verifyVatNumber } from "@/server/tax/vies/verify-vat-number";
import { callerFor } from "@/tests/support/trpc";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { startAppWorkflows } from "@/tests/support/app-workflows";
import { startViesStandIn, type ViesStandIn } from "@/tests/stand-ins/vies/vies-stand-in";

// The VIES REST API is a stand-in on 127.0.0.1 (integrations.md §9); our client talks to it over a real socket.
const NOW = new Date("2026-03-02T10:00:00Z");
const GERMAN_BUSINESS = { company: "Beispiel GmbH", address1: "Unter den Linden 1", city: "Berlin", state: "Berlin", zip: "10117", country: "DE", phone: "+49 30 1234567" };

let vies: ViesStandIn;
let catalog: TSeededCatalog;

beforeAll(async () => {
  vies = await startViesStandIn();
  process.env.VIES_URL = vies.url;
});
afterAll(async () => {
  delete process.env.VIES_URL;
  delete process.env.VIES_TIMEOUT_MS;
  await vies.stop();
});

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog(); // the demo seller: Hostlane Demo B.V., NL123456789B01, with the EU VAT rules
  vies.state.fixtures.clear();
  vies.state.requests.length = 0;
  vies.state.delayMs = 0;
  vies.state.isServiceDown = false;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.VIES_TIMEOUT_MS;
});

const businessOrder = (vatNumber: string) =>
  placeOrder({ input: buildPlaceOrderInput({ ...GERMAN_BUSINESS, vatNumber, items: [{ productId: catalog.businessId, cycle: "MONTHLY" }] }), now: NOW });

const refusalOf = async (work: Promise<unknown>) => {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe("VIES at checkout", () => {
  it("a valid number in another member state: no VAT, reverse charge, both VAT numbers, evidence with the consultation number", async () => {
    vies.setFixture("DE123456789", { valid: true, name: "BEISPIEL GMBH", address: "UNTER DEN LINDEN 1, BERLIN" });
    const { invoiceId } = await businessOrder("DE 123 456 789");

    expect(vies.state.requests.map((request) => request.body)).toEqual([
      { countryCode: "DE", vatNumber: "123456789", requesterMemberStateCode: "NL", requesterNumber: "123456789B01" },
    ]);
    const stored = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { lines: true } });
    expect(stored).toMatchObject({ subtotalCents: 2_499, taxCents: 0, totalCents: 2_499 });
    expect(stored.taxNotes).toEqual(["Reverse charge", "Supplier VAT number: NL123456789B01", "Customer VAT number: DE123456789"]);
    expect(stored.lines.map((line) => line.taxes)).toEqual([[], []]);

    const number = await db.vatNumber.findUniqueOrThrow({ where: { country_number: { country: "DE", number: "123456789" } }, include: { checks: true } });
    expect(number).toMatchObject({ status: "VALID", verifiedAt: NOW });
    expect(number.checks).toEqual([
      expect.objectContaining({
        result: "VALID", consultationNumber: "WAPIAAAA00000001", requesterVatNumber: "NL123456789B01", checkedAt: NOW,
        traderName: "BEISPIEL GMBH", traderAddress: "UNTER DEN LINDEN 1, BERLIN", errorCode: null,
      }),
    ]);
  });

  it("Continue (the quote) asks VIES and shows the reverse charge, but stores nothing; an invalid number is a field error there", async () => {
    vies.setFixture("DE123456789", { valid: true });
    const { password: _password, confirmPassword: _confirm, acceptTos: _tos, ...fields } = buildPlaceOrderInput({
      ...GERMAN_BUSINESS, vatNumber: "DE123456789", items: [{ productId: catalog.businessId, cycle: "MONTHLY" }],
    });
    const quoted = await callerFor(null).checkout.quote(fields);
    expect(quoted).toMatchObject({ taxCents: 0, totalCents: 2_499, reverseCharge: true, notes: ["Reverse charge", "Supplier VAT number: NL123456789B01", "Customer VAT number: DE123456789"] });
    expect(vies.state.requests).toHaveLength(1);
    expect([await db.vatNumber.count(), await db.vatCheck.count(), await db.client.count()]).toEqual([0, 0, 0]);

    const error = await callerFor(null).checkout.quote({ ...fields, vatNumber: "DE999999999" }).then(() => null, (caught: unknown) => caught);
    expect((error as { cause?: AppError }).cause?.details.fieldErrors?.vatNumber?.[0]).toMatch(/not valid according to VIES/);
  });

  it("an invalid number is a field error and nothing is created (no client, order or evidence)", async () => {
    const error = await refusalOf(businessOrder("DE999999999"));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.details.fieldErrors?.vatNumber?.[0]).toMatch(/not valid according to VIES/);
    expect(await refusalOf(businessOrder("DE1234567890123"))).toMatchObject({ details: { fieldErrors: { vatNumber: [expect.stringMatching(/country prefix/)] } } });
    expect([await db.client.count(), await db.order.count(), await db.invoice.count(), await db.vatNumber.count(), await db.vatCheck.count()]).toEqual([0, 0, 0, 0, 0]);
  });

  it("home-country business: Dutch VAT even with a valid number", async () => {
    vies.setFixture("NL999999999B01", { valid: true });
    const { invoiceId } = await placeOrder({
      input: buildPlaceOrderInput({ ...GERMAN_BUSINESS, country: "NL", city: "Utrecht", state: "UT", vatNumber: "NL999999999B01", items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] }),
      now: NOW,
    });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ taxCents: 126 /* 21 % of 5.99 */, taxNotes: [] });
  });

  it("Greece is GR in our data and EL only on the wire", async () => {
    vies.setFixture("EL094259216", { valid: true });
    const result = await verifyVatNumber({ vatNumber: "EL094259216", billingCountry: "GR", now: NOW });
    expect(result).toMatchObject({ country: "GR", number: "094259216", status: "VALID" });
    expect(vies.state.requests[0]?.body).toMatchObject({ countryCode: "EL", vatNumber: "094259216" });
    expect(await db.vatNumber.count({ where: { country: "GR" } })).toBe(1);
  });

  it("unavailable: VAT as for a consumer, the order goes on, a re-check later verifies the number for future invoices", async () => {
    const wf = await startAppWorkflows();
    vies.setFixture("DE111111111", "MS_UNAVAILABLE");
    const { invoiceId } = await businessOrder("DE111111111");
    const charged = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(charged).toMatchObject({ subtotalCents: 2_499, taxCents: 285 + 190 /* German 19 % on 14.99 and 10.00 */ });
    expect(charged.taxNotes[0]).toMatch(/DE111111111 could not be verified/);
    expect(await db.vatNumber.findFirstOrThrow()).toMatchObject({ status: "UNAVAILABLE", verifiedAt: null });
    expect(await db.vatCheck.findFirstOrThrow()).toMatchObject({ result: "UNAVAILABLE", errorCode: "MS_UNAVAILABLE", consultationNumber: null });

    // Still down at the first re-check; the run waits longer and asks again.
    await wf.drain();
    await wf.advanceTime("15m");
    await wf.drain();
    expect(await db.vatCheck.count()).toBe(2);
    expect(await db.vatNumber.findFirstOrThrow()).toMatchObject({ status: "UNAVAILABLE" });

    vies.setFixture("DE111111111", { valid: true });
    await wf.advanceTime("1h");
    await wf.drain();
    expect(await db.vatNumber.findFirstOrThrow()).toMatchObject({ status: "VALID", verifiedAt: new Date(NOW.getTime() + 75 * 60_000) });
    expect(await db.vatCheck.count()).toBe(3);
    expect(await db.inngestRun.findFirstOrThrow({ where: { functionId: { endsWith: "recheck-vat-number" } } })).toMatchObject({ status: "COMPLETED" });

    // What was invoiced stays; the next quote for this business is reverse-charged.
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ taxCents: 475 });
    const next = await quoteOrder({
      items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], currency: "USD", country: "DE", state: "", now: new Date(),
      customer: { vatNumber: "DE111111111", isBusiness: true },
    });
    expect(next).toMatchObject({ taxCents: 0, reverseCharge: true, vat: { number: "DE111111111", status: "valid" } });
  });

  it("a timeout or a service error is unavailable, never invalid", async () => {
    process.env.VIES_TIMEOUT_MS = "200";
    vies.state.delayMs = 1_000;
    expect(await verifyVatNumber({ vatNumber: "DE222222222", billingCountry: "DE", now: NOW })).toMatchObject({ status: "UNAVAILABLE" });
    expect(await db.vatCheck.findFirstOrThrow()).toMatchObject({ errorCode: "TIMEOUT" });
    vies.state.delayMs = 0;
    vies.state.isServiceDown = true;
    expect(await verifyVatNumber({ vatNumber: "DE222222222", billingCountry: "DE", now: NOW })).toMatchObject({ status: "UNAVAILABLE" });
    expect(await db.vatCheck.findFirstOrThrow({ orderBy: { checkedAt: "desc" }, where: { errorCode: { not: "TIMEOUT" } } })).toMatchObject({ errorCode: "SERVICE_UNAVAILABLE" });
  });
});
