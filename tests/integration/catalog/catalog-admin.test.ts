import { beforeEach, describe, expect, it } from "vitest";
import { createProductGroup } from "@/server/catalog/admin/create-product-group";
import { moveProductGroup } from "@/server/catalog/admin/move-product-group";
import { saveAddon } from "@/server/catalog/admin/save-addon";
import { saveConfigOption } from "@/server/catalog/admin/save-config-option";
import { createCurrency } from "@/server/catalog/admin/create-currency";
import { updateCurrency } from "@/server/catalog/admin/update-currency";
import { saveProduct } from "@/server/catalog/admin/save-product";
import { updateProductGroup } from "@/server/catalog/admin/update-product-group";
import { getStorefrontProduct, listStorefrontGroups } from "@/server/catalog/catalog-queries";
import { z, ZodError } from "zod";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { quoteOrder } from "@/server/orders/quote-order";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";
import { resetDatabase } from "@/tests/db";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";
import { callerFor } from "@/tests/support/trpc";

const NOW = new Date("2026-03-01T10:00:00Z");
let catalog: TSeededCatalog;
let staffId: string;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
  staffId = (await createStaffFixture()).staff.id;
});

const groupId = async (slug: string) => (await db.productGroup.findUniqueOrThrow({ where: { slug } })).id;
const auditOf = (entityType: string, entityId: string) =>
  db.auditLog.findMany({ where: { entityType, entityId }, orderBy: { createdAt: "asc" }, select: { action: true, staffId: true, before: true, after: true } });

const VPS = {
  name: "VPS Start", slug: "vps-start", type: "SERVER" as const, description: "2 vCPU, 4 GB RAM.", isHidden: false, stockCount: 5, welcomeEmailText: "Your root password is in the client area.",
  prices: [
    { currency: "USD", cycle: "MONTHLY" as const, amountCents: 1_000, setupFeeCents: 500 },
    { currency: "USD", cycle: "ANNUALLY" as const, amountCents: 10_000, setupFeeCents: 0 },
    { currency: "EUR", cycle: "MONTHLY" as const, amountCents: 900, setupFeeCents: 0 },
  ],
};

describe("Admin → Products", () => {
  it("creates a product with its price grid, audited, which the storefront then lists and prices (EUR explicit or converted)", async () => {
    const saved = await saveProduct({ ...VPS, groupId: await groupId("shared-hosting"), staffId });

    const usd = await getStorefrontProduct({ slug: "vps-start" });
    expect(usd).toMatchObject({ name: "VPS Start", inStock: true });
    expect(usd?.prices.map((price) => [price.cycle, price.amountCents, price.setupFeeCents])).toEqual([["MONTHLY", 1_000, 500], ["ANNUALLY", 10_000, 0]]);
    const eur = await getStorefrontProduct({ slug: "vps-start", currency: "EUR" });
    expect(eur?.prices.map((price) => [price.cycle, price.amountCents, price.isConverted])).toEqual([["MONTHLY", 900, false], ["ANNUALLY", 9_200, true]]);
    expect(await auditOf("Product", saved.id)).toMatchObject([
      { action: "product.created", staffId, after: { name: "VPS Start", stockCount: 5, prices: { "USD MONTHLY": [1_000, 500], "USD ANNUALLY": [10_000, 0], "EUR MONTHLY": [900, 0] } } },
    ]);
  });

  it("updates details and the grid (changed, added, removed cells); a hidden product leaves the list but keeps its direct link", async () => {
    const saved = await saveProduct({ ...VPS, groupId: await groupId("shared-hosting"), staffId });
    const prices = [{ currency: "USD", cycle: "MONTHLY" as const, amountCents: 1_200, setupFeeCents: 0 }, { currency: "USD", cycle: "QUARTERLY" as const, amountCents: 3_300, setupFeeCents: 0 }];
    await saveProduct({ ...VPS, productId: saved.id, groupId: await groupId("shared-hosting"), isHidden: true, stockCount: null, prices, staffId });

    expect(await db.price.findMany({ where: { productId: saved.id }, select: { currency: true, cycle: true, amountCents: true, setupFeeCents: true }, orderBy: { cycle: "asc" } })).toEqual(
      prices.map((price) => expect.objectContaining(price)),
    );
    const listed = (await listStorefrontGroups()).flatMap((group) => group.products.map((product) => product.slug));
    expect(listed).not.toContain("vps-start");
    expect(await getStorefrontProduct({ slug: "vps-start" })).toMatchObject({ slug: "vps-start", inStock: true });
    expect((await auditOf("Product", saved.id)).map((entry) => entry.action)).toEqual(["product.created", "product.updated"]);
    expect((await auditOf("Product", saved.id))[1]).toMatchObject({ before: { isHidden: false, stockCount: 5 }, after: { isHidden: true, stockCount: null } });
  });

  it("refuses to remove a price that orders were placed with, changing nothing", async () => {
    await createClientWithOrder({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] });
    const before = await databaseFingerprint();
    const starter = await db.product.findUniqueOrThrow({ where: { id: catalog.starterId } });
    const error = await saveProduct({
      productId: starter.id, groupId: starter.groupId, name: starter.name, slug: starter.slug, type: starter.type, description: starter.description,
      isHidden: false, stockCount: null, welcomeEmailText: "", prices: [{ currency: "USD", cycle: "ANNUALLY", amountCents: 5_990, setupFeeCents: 0 }], staffId,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "INVALID_INPUT", details: { fieldErrors: { prices: ["The Monthly USD price has orders and cannot be removed; hide the product instead."] } } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses bad input at the procedures with field errors, changing nothing", async () => {
    const { principal } = await createStaffFixture({ name: "Other Admin" });
    const caller = callerFor(principal).catalogAdmin;
    const group = await groupId("shared-hosting");
    const before = await databaseFingerprint();
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => caller.createProduct({ ...VPS, groupId: group, slug: "Not A Slug" }), "BAD_REQUEST", "slug"],
      [() => caller.createProduct({ ...VPS, groupId: group, slug: "starter" }), "BAD_REQUEST", "slug"],
      [() => caller.createProduct({ ...VPS, groupId: "no-such-group" }), "BAD_REQUEST", "groupId"],
      [() => caller.createProduct({ ...VPS, groupId: group, prices: [VPS.prices[0]!, VPS.prices[0]!] }), "BAD_REQUEST", "prices"],
      [() => caller.createProduct({ ...VPS, groupId: group, prices: [{ ...VPS.prices[0]!, currency: "GBP" }] }), "BAD_REQUEST", "prices"],
      [() => caller.createProduct({ ...VPS, groupId: group, stockCount: -1 }), "BAD_REQUEST", "stockCount"],
      [() => caller.createGroup({ name: "Domains", slug: "domains-2" }), "BAD_REQUEST", "slug"],
      [() => caller.saveOption({ productId: catalog.businessId, name: "Cores", slug: "cores", kind: "QUANTITY", minQuantity: 1, maxQuantity: 8, stepQuantity: 3, values: [{ label: "Core", slug: "core", prices: [] }] }), "BAD_REQUEST", "stepQuantity"],
      [() => caller.saveOption({ productId: catalog.businessId, name: "OS", slug: "os", kind: "YES_NO", values: [{ label: "A", slug: "a", prices: [] }, { label: "B", slug: "b", prices: [] }] }), "BAD_REQUEST", "values"],
      [() => caller.createCurrency({ code: "GBP", symbol: "£", minorUnits: 2, exchangeRate: "0.79e0" }), "BAD_REQUEST", "exchangeRate"],
      [() => caller.createCurrency({ code: "GBP", symbol: "£", minorUnits: 2, exchangeRate: "0" }), "BAD_REQUEST", "exchangeRate"],
      [() => caller.createCurrency({ code: "EUR", symbol: "€", minorUnits: 2, exchangeRate: "0.9" }), "BAD_REQUEST", "code"],
      [() => caller.updateCurrency({ code: "USD", symbol: "$", exchangeRate: "1.1" }), "BAD_REQUEST", "exchangeRate"],
    ];
    for (const [promise, code, field] of cases) {
      const error = (await promise().catch((caught: unknown) => caught)) as { code: string; cause?: unknown };
      expect([field, error.code]).toEqual([field, code]);
      // The same field errors the error formatter sends to the form (server/trpc/init.ts).
      const fieldErrors = error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : error.cause instanceof AppError ? error.cause.details.fieldErrors : {};
      expect([field, Object.keys(fieldErrors ?? {})]).toEqual([field, expect.arrayContaining([field])]);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses staff without catalog.write (Support) on every change, changing nothing", async () => {
    const { principal } = await createStaffFixture({ name: "Support Staff", roleIds: ["role_support"] });
    const caller = callerFor(principal).catalogAdmin;
    const before = await databaseFingerprint();
    await expect(caller.createProduct({ ...VPS, groupId: await groupId("domains") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.updateCurrency({ code: "EUR", symbol: "€", exchangeRate: "2" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.moveGroup({ groupId: await groupId("domains"), direction: "up" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("Admin → Products: groups", () => {
  it("creates at the end, reorders, and hides a group (its products leave the storefront)", async () => {
    await createProductGroup({ name: "Servers", slug: "servers", description: "", isHidden: false, staffId });
    const order = async () => (await db.productGroup.findMany({ orderBy: { position: "asc" }, select: { slug: true } })).map((group) => group.slug);
    expect(await order()).toEqual(["shared-hosting", "domains", "servers"]);
    await moveProductGroup({ groupId: await groupId("servers"), direction: "up", staffId });
    expect(await order()).toEqual(["shared-hosting", "servers", "domains"]);
    expect(await moveProductGroup({ groupId: await groupId("shared-hosting"), direction: "up", staffId })).toEqual({ groupId: await groupId("shared-hosting"), moved: false });

    await updateProductGroup({ groupId: await groupId("domains"), name: "Domains", slug: "domains", description: "", isHidden: true, staffId });
    expect((await listStorefrontGroups()).map((group) => group.slug)).toEqual(["shared-hosting"]);
    expect(await getStorefrontProduct({ slug: "com-domain" })).toBeNull();
    expect((await db.auditLog.findMany({ where: { entityType: "ProductGroup" }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action)).toEqual([
      "product-group.created", "product-group.moved", "product-group.updated",
    ]);
  });
});

describe("Admin → Products: add-ons and options", () => {
  it("saves an add-on for a product and an option with values; the quote prices them", async () => {
    const addon = await saveAddon({
      name: "cPanel Licence", slug: "cpanel", description: "", isHidden: false, productIds: [catalog.starterId],
      prices: [{ currency: "USD", cycle: "MONTHLY", amountCents: 1_500, setupFeeCents: 0 }], staffId,
    });
    const { optionId } = await saveConfigOption({
      productId: catalog.starterId, name: "Data Centre", slug: "data-centre", kind: "DROPDOWN", minQuantity: null, maxQuantity: null, stepQuantity: null,
      values: [
        { label: "Amsterdam", slug: "ams", prices: [{ currency: "USD", cycle: "MONTHLY", amountCents: 0, setupFeeCents: 0 }] },
        { label: "New York", slug: "nyc", prices: [{ currency: "USD", cycle: "MONTHLY", amountCents: 100, setupFeeCents: 0 }] },
      ],
      staffId,
    });
    const nyc = await db.configOptionValue.findFirstOrThrow({ where: { optionId, slug: "nyc" } });
    const quote = await quoteOrder({ items: [{ productId: catalog.starterId, cycle: "MONTHLY", addonIds: [addon.id], options: { [optionId]: nyc.id } }], currency: "USD", country: "DE", state: "BE", now: NOW }, db);
    expect(quote.items[0]?.lines.map((line) => [line.description, line.amountCents])).toEqual([
      ["Starter (Monthly)", 599],
      ["Starter: cPanel Licence (Monthly)", 1_500],
      ["Starter: Data Centre: New York (Monthly)", 100],
    ]);
    const product = await getStorefrontProduct({ slug: "starter" });
    expect(product?.addons.map((candidate) => candidate.slug)).toEqual(["daily-backups", "priority-support", "cpanel"]);
    expect(product?.options.map((option) => [option.name, option.values.map((value) => value.label)])).toEqual([["Data Centre", ["Amsterdam", "New York"]]]);
    expect((await auditOf("Addon", addon.id))[0]).toMatchObject({ action: "addon.created", after: { productIds: [catalog.starterId] } });
    expect((await auditOf("ConfigOption", optionId))[0]).toMatchObject({ action: "config-option.created" });
  });
});

describe("Admin → Currencies", () => {
  it("adds a currency and changes a rate with exact decimals, audited; the storefront converts with the new rate", async () => {
    await createCurrency({ code: "JPY", symbol: "¥", minorUnits: 0, exchangeRate: "151.37", staffId });
    expect((await getStorefrontProduct({ slug: "starter", currency: "JPY" }))?.prices.map((price) => price.amountCents)).toEqual([907, 9_067]);
    await updateCurrency({ code: "EUR", symbol: "€", exchangeRate: "0.12345678", staffId });
    expect((await db.currency.findUniqueOrThrow({ where: { code: "EUR" } })).exchangeRate.toFixed()).toBe("0.12345678");
    expect((await getStorefrontProduct({ slug: "starter", currency: "EUR" }))?.prices.map((price) => price.amountCents)).toEqual([74 /* 73.95 */, 740 /* 739.506… */]);
    expect(await auditOf("Currency", "EUR")).toMatchObject([{ action: "currency.updated", before: { exchangeRate: "0.92" }, after: { exchangeRate: "0.12345678" } }]);
  });
});
