import { beforeEach, describe, expect, it } from "vitest";
import { getAdminService } from "@/server/admin/admin-service-queries";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { quoteOrder } from "@/server/orders/quote-order";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";

const NOW = new Date("2026-03-01T10:00:00Z");
let catalog: TSeededCatalog;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
});

const ids = async () => {
  const addons = await db.addon.findMany({ select: { id: true, slug: true } });
  const options = await db.configOption.findMany({ select: { id: true, slug: true } });
  const id = (rows: { id: string; slug: string }[], slug: string) => rows.find((row) => row.slug === slug)!.id;
  return {
    backups: id(addons, "daily-backups"),
    support: id(addons, "priority-support"),
    storage: id(options, "extra-storage"),
    ip: id(options, "dedicated-ip"),
  };
};

const lines = (quote: Awaited<ReturnType<typeof quoteOrder>>) =>
  quote.items.flatMap((item) => item.lines.map(({ kind, description, amountCents, taxCents }) => [kind, description, amountCents, taxCents]));

const expectRefused = async (promise: Promise<unknown>, message: string) => {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "PRODUCT_UNAVAILABLE", details: { userMessage: message, fieldErrors: { items: [message] } } });
};

describe("quoteOrder with add-ons, options and currencies", () => {
  it("prices add-ons and options as lines of their own, setup fees apart, tax per line (US 8.25 %)", async () => {
    const { backups, support, storage, ip } = await ids();
    const quote = await quoteOrder(
      {
        items: [{ productId: catalog.businessId, cycle: "MONTHLY", addonIds: [backups, support], options: { [storage]: "30", [ip]: "yes" } }],
        currency: "USD", country: "US", state: "TX", now: NOW,
      },
      db,
    );
    expect(lines(quote)).toEqual([
      ["PRODUCT", "Business (Monthly)", 1_499, 124],
      ["SETUP_FEE", "Business Setup Fee", 1_000, 83],
      ["ADDON", "Business: Daily Backups (Monthly)", 200, 17],
      ["ADDON", "Business: Priority Support (Monthly)", 500, 41],
      ["SETUP_FEE", "Business: Priority Support Setup Fee", 1_000, 83],
      ["OPTION", "Business: Extra Storage: GB × 30 (Monthly)", 750, 62],
      ["OPTION", "Business: Dedicated IP: Yes (Monthly)", 300, 25],
    ]);
    expect(quote).toMatchObject({ subtotalCents: 5_249, taxCents: 435, totalCents: 5_684 });
  });

  it("in EUR converts USD-only prices at the exchange rate (half away from zero) and uses explicit EUR prices", async () => {
    const { backups, storage } = await ids();
    const quote = await quoteOrder(
      { items: [{ productId: catalog.businessId, cycle: "MONTHLY", addonIds: [backups], options: { [storage]: "10" } }], currency: "EUR", country: "NL", state: "NH", now: NOW },
      db,
    );
    // NOTE: a Dutch consumer of the demo's Dutch seller: 21 % VAT on every line, rounded per line.
    expect(lines(quote)).toEqual([
      ["PRODUCT", "Business (Monthly)", 1_379 /* $14.99 × 0.92 = €13.7908 */, 290],
      ["SETUP_FEE", "Business Setup Fee", 920, 193],
      ["ADDON", "Business: Daily Backups (Monthly)", 199 /* explicit €1.99, not the converted €1.84 */, 42],
      ["OPTION", "Business: Extra Storage: GB × 10 (Monthly)", 230 /* 10 × €0.23 */, 48],
    ]);
    expect(quote).toMatchObject({ currency: "EUR", subtotalCents: 2_728, taxCents: 573, totalCents: 3_301 });
    expect(quote.items[0]).toMatchObject({ currency: "EUR", priceId: expect.any(String) });
  });

  it("follows an exchange-rate change on the next quote", async () => {
    await db.currency.update({ where: { code: "EUR" }, data: { exchangeRate: "0.5" } });
    const quote = await quoteOrder({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], currency: "EUR", country: "NL", state: "NH", now: NOW }, db);
    expect(quote.subtotalCents).toBe(300 /* $5.99 × 0.5 = €2.995 → €3.00 */);
  });

  it("refuses tampered add-ons and option values, an unknown currency, and out of stock, with a clear message", async () => {
    const { backups, storage, ip } = await ids();
    const quote = (item: Record<string, unknown>, currency = "USD") =>
      quoteOrder({ items: [{ productId: catalog.businessId, cycle: "MONTHLY", ...item }], currency, country: "US", state: "TX", now: NOW }, db);
    await expectRefused(quote({ addonIds: ["not-an-addon"] }), "An add-on in your order is not offered with Business for this billing cycle.");
    await expectRefused(
      quoteOrder({ items: [{ productId: catalog.comDomainId, cycle: "ANNUALLY", addonIds: [backups] }], currency: "USD", country: "US", state: "TX", now: NOW }, db),
      "An add-on in your order is not offered with .com Domain Registration for this billing cycle.",
    );
    await expectRefused(quote({ options: { [storage]: "15" } }), "Extra Storage: choose a number from 0 to 100 in steps of 10.");
    await expectRefused(quote({ options: { [ip]: "perhaps" } }), "Dedicated IP: answer yes or no.");
    await expectRefused(quote({ options: { [storage + "x"]: "10" } }), "An option in your order does not belong to this product.");
    await expectRefused(quote({}, "GBP"), "This currency is not offered.");
    await db.product.update({ where: { id: catalog.businessId }, data: { stockCount: 1 } });
    await expectRefused(
      quoteOrder({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }, { productId: catalog.businessId, cycle: "ANNUALLY" }], currency: "USD", country: "US", state: "TX", now: NOW }, db),
      "Business is out of stock.",
    );
  });
});

describe("placeOrder with add-ons and options", () => {
  it("invoices each extra as its own line and keeps what was chosen on the order item for the setup", async () => {
    const { backups, storage, ip } = await ids();
    const placed = await placeOrder({
      input: buildPlaceOrderInput({ items: [{ productId: catalog.businessId, cycle: "MONTHLY", addonIds: [backups], options: { [storage]: "20", [ip]: "no" } }] }),
      now: NOW,
    });
    // $14.99 + $10.00 setup + $2.00 backups + 20 × $0.25 storage; tax per line $1.24 + $0.83 + $0.17 + $0.41
    expect(placed).toMatchObject({ subtotalCents: 3_199, taxCents: 265, totalCents: 3_464 });
    const invoiceLines = await db.invoiceLine.findMany({ where: { invoiceId: placed.invoiceId }, orderBy: { position: "asc" }, select: { description: true, amountCents: true } });
    expect(invoiceLines.map((line) => [line.description, line.amountCents])).toEqual([
      ["Business (Monthly)", 1_499],
      ["Business Setup Fee", 1_000],
      ["Business: Daily Backups (Monthly)", 200],
      ["Business: Extra Storage: GB × 20 (Monthly)", 500],
    ]);
    const item = await db.orderItem.findFirstOrThrow({ where: { orderId: placed.orderId }, include: { service: { select: { id: true } } } });
    // The package page shows staff what to set up.
    expect((await getAdminService({ serviceId: item.service!.id }))?.extras).toEqual({ addons: ["Daily Backups"], options: ["Extra Storage: GB × 20"] });
    expect(item.extras).toEqual({
      addons: [{ addonId: backups, name: "Daily Backups", amountCents: 200, setupFeeCents: 0 }],
      options: [{ optionId: storage, name: "Extra Storage", valueId: expect.any(String), value: "GB × 20", quantity: 20, amountCents: 500, setupFeeCents: 0 }],
    });
  });

  it("refuses a tampered option at Place Order and creates nothing", async () => {
    const { storage } = await ids();
    const input = buildPlaceOrderInput({ items: [{ productId: catalog.businessId, cycle: "MONTHLY", options: { [storage]: "7" } }] });
    await expectRefused(placeOrder({ input, now: NOW }), "Extra Storage: choose a number from 0 to 100 in steps of 10.");
    expect({ orders: await db.order.count(), clients: await db.client.count(), invoices: await db.invoice.count() }).toEqual({ orders: 0, clients: 0, invoices: 0 });
  });
});
