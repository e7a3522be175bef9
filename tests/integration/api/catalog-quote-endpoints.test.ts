import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getCatalog } from "@/app/api/v1/catalog/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { POST as postQuote } from "@/app/api/v1/quote/route";
import { resetDatabase } from "@/tests/db";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { startViesStandIn, type ViesStandIn } from "@/tests/stand-ins/vies/vies-stand-in";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";

let vies: ViesStandIn;
let nextIp = 1;

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
  await seedCatalog(); // the demo: a Dutch seller (NL123456789B01), US sales tax 8.25 % in TX, the EU VAT rules, WELCOME10
  vies.state.fixtures.clear();
  vies.state.isServiceDown = false;
  nextIp += 1;
});
afterEach(() => {
  delete process.env.QUOTE_API_RATE_LIMIT_PER_MINUTE;
});

// NOTE: a fresh IP per test, so one test's requests never count against another's rate limit.
const ip = () => `198.51.100.${nextIp}`;
const quote = (body: unknown) =>
  postQuote(new Request("http://localhost/api/v1/quote", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip() }, body: JSON.stringify(body) }));
const lines = (answer: { lines: { kind: string; description: string; amountCents: number; taxes: { amountCents: number }[] }[] }) =>
  answer.lines.map((line) => [line.kind, line.description, line.amountCents, line.taxes.map((tax) => tax.amountCents)]);
const fingerprintWithoutRateLimits = async () => {
  const { rate_limit: _counts, ...rest } = await databaseFingerprint();
  return rest;
};

describe("GET /api/v1/catalog", () => {
  it("lists groups, products, add-ons, options and prices, in the currency asked for", async () => {
    const response = await getCatalog(new Request("http://localhost/api/v1/catalog?currency=EUR", { headers: { "x-forwarded-for": ip() } }));
    expect(response.status).toBe(200);
    const catalog = await response.json();
    expect(catalog.currency).toBe("EUR");
    const business = catalog.groups.flatMap((group: { products: unknown[] }) => group.products).find((product: { slug: string }) => product.slug === "business");
    expect(business.prices).toContainEqual({ cycle: "MONTHLY", amountCents: 1_379, setupFeeCents: 920 });
    expect(business.addons).toContainEqual(expect.objectContaining({ slug: "daily-backups", name: "Daily Backups", prices: expect.arrayContaining([{ cycle: "MONTHLY", amountCents: 199, setupFeeCents: 0 }]) }));
    expect(business.options.map((option: { slug: string; kind: string }) => [option.slug, option.kind])).toEqual(expect.arrayContaining([["extra-storage", "QUANTITY"], ["dedicated-ip", "YES_NO"]]));

    const usd = await (await getCatalog(new Request("http://localhost/api/v1/catalog", { headers: { "x-forwarded-for": ip() } }))).json();
    expect(usd.currency).toBe("USD");
    expect(usd.groups.map((group: { name: string }) => group.name)).toEqual(["Shared Hosting", "Domains"]);
  });

  it("both endpoints are in the OpenAPI document, with the catalog's query parameter", async () => {
    const document = await (await getOpenApi()).json();
    expect(document.paths["/api/v1/catalog"].get).toMatchObject({ parameters: [{ name: "currency", in: "query", required: false }], security: [{}, { apiKey: [] }] });
    expect(document.paths["/api/v1/quote"].post.requestBody.content["application/json"].schema).toMatchObject({ required: ["currency", "items"] });
    expect(document.paths["/api/v1/quote"].post.responses[200].content["application/json"].schema.properties.lines.items.properties.kind.enum).toEqual([
      "product", "setup-fee", "addon", "option", "discount",
    ]);
  });
});

describe("POST /api/v1/quote", () => {
  it("prices a product with its setup fee, add-ons and options, tax per line (US, TX 8.25 %)", async () => {
    const response = await quote({
      currency: "USD",
      items: [{ product: "business", cycle: "MONTHLY", addons: ["daily-backups", "priority-support"], options: { "extra-storage": 30, "dedicated-ip": true } }],
      customer: { country: "US", state: "TX" },
    });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(lines(answer)).toEqual([
      ["product", "Business (Monthly)", 1_499, [124]],
      ["setup-fee", "Business Setup Fee", 1_000, [83]],
      ["addon", "Business: Daily Backups (Monthly)", 200, [17]],
      ["addon", "Business: Priority Support (Monthly)", 500, [41]],
      ["setup-fee", "Business: Priority Support Setup Fee", 1_000, [83]],
      ["option", "Business: Extra Storage: GB × 30 (Monthly)", 750, [62]],
      ["option", "Business: Dedicated IP: Yes (Monthly)", 300, [25]],
    ]);
    expect(answer.lines[0]).toMatchObject({ product: "business", taxes: [{ rate: "8.25", amountCents: 124 }] });
    expect(answer).toMatchObject({ currency: "USD", subtotalCents: 5_249, discountCents: 0, taxCents: 435, totalCents: 5_684, reverseCharge: false, vat: null });
  });

  it("a promo code is a discount line; a quantity prices that many", async () => {
    const answer = await (await quote({ currency: "USD", items: [{ product: "starter", cycle: "MONTHLY", quantity: 2 }], promoCode: "WELCOME10" })).json();
    expect(answer.lines.map((line: { kind: string; amountCents: number }) => [line.kind, line.amountCents])).toEqual([
      ["product", 599], ["discount", -60], ["product", 599], ["discount", -60],
    ]);
    expect(answer.lines[1].description).toBe("Promo Code WELCOME10: Starter (Monthly)");
    expect(answer).toMatchObject({ subtotalCents: 1_078, discountCents: 120 });
  });

  it("a Dutch consumer pays 21 % NL VAT", async () => {
    const answer = await (await quote({ currency: "EUR", items: [{ product: "business", cycle: "MONTHLY" }], customer: { country: "NL" } })).json();
    expect(lines(answer)).toEqual([
      ["product", "Business (Monthly)", 1_379, [290]],
      ["setup-fee", "Business Setup Fee", 920, [193]],
    ]);
    expect(answer.lines[0].taxes[0].rate).toBe("21");
    expect(answer).toMatchObject({ subtotalCents: 2_299, taxCents: 483, totalCents: 2_782, reverseCharge: false, vat: null });
  });

  it("a German business with a VAT number VIES finds valid: reverse charge, no VAT, nothing stored", async () => {
    vies.setFixture("DE123456789", { valid: true });
    const before = await fingerprintWithoutRateLimits();
    const answer = await (
      await quote({ currency: "USD", items: [{ product: "business", cycle: "MONTHLY" }], customer: { country: "DE", vatNumber: "DE123456789", isBusiness: true } })
    ).json();
    expect(answer).toMatchObject({
      taxCents: 0, totalCents: 2_499, reverseCharge: true, vat: { number: "DE123456789", status: "valid" },
      notes: ["Reverse charge", "Supplier VAT number: NL123456789B01", "Customer VAT number: DE123456789"],
    });
    expect(answer.lines.every((line: { taxes: unknown[] }) => line.taxes.length === 0)).toBe(true);
    expect(await fingerprintWithoutRateLimits()).toEqual(before);
  });

  it("answers each bad input with 400 and the field, and writes nothing", async () => {
    const before = await fingerprintWithoutRateLimits();
    const item = { product: "business", cycle: "MONTHLY" };
    const refusals: [unknown, string][] = [
      [{ currency: "USD", items: [{ ...item, product: "no-such-product" }] }, "items.0.product"],
      [{ currency: "USD", items: [{ ...item, cycle: "WEEKLY" }] }, "items"],
      [{ currency: "XYZ", items: [item] }, "currency"],
      [{ currency: "USD", items: [{ ...item, addons: ["no-such-addon"] }] }, "items.0.addons"],
      [{ currency: "USD", items: [{ ...item, options: { "no-such-option": 1 } }] }, "items.0.options.no-such-option"],
      [{ currency: "USD", items: [item], promoCode: "NOPE" }, "promoCode"],
      [{ currency: "USD", items: [{ product: "com-domain", cycle: "MONTHLY" }] }, "items"],
      [{ currency: "USD", items: [] }, "items"],
      [{ currency: "USD", items: [item], customer: { country: "DE", vatNumber: "DE999999999" } }, "vatNumber"],
    ];
    for (const [body, field] of refusals) {
      const response = await quote(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect(await fingerprintWithoutRateLimits()).toEqual(before);
  });

  it("answers 429 with Retry-After after QUOTE_API_RATE_LIMIT_PER_MINUTE quotes from one IP", async () => {
    process.env.QUOTE_API_RATE_LIMIT_PER_MINUTE = "3";
    const body = { currency: "USD", items: [{ product: "starter", cycle: "MONTHLY" }] };
    const statuses = [];
    for (let request = 0; request < 4; request++) statuses.push((await quote(body)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await quote(body);
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect((await limited.json()).error.code).toBe("RATE_LIMITED");
  });
});
