import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { issueInvoice } from "@/server/billing/invoices/issue-invoice";
import { queueMail } from "@/server/mail/queue-mail";
import { getTaxSettings } from "@/server/tax/tax-settings";
import { saveBrand } from "@/server/brands/save-brand";
import type { TSaveBrandInput } from "@/server/brands/brands.schemas";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { resetDatabase } from "@/tests/db";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";
import { callerFor } from "@/tests/support/trpc";

const brand = (overrides: Partial<TSaveBrandInput> = {}): TSaveBrandInput => ({
  id: null, name: "Lowlands Hosting", isDefault: false, logoUrl: "https://lowlands.example/logo.svg", primaryColor: "#FF6600",
  senderName: "Lowlands Hosting", senderEmail: "billing@lowlands.example", invoiceHeader: "Lowlands Hosting B.V.", ...overrides,
});

beforeEach(resetDatabase);

describe("Admin → Brands", () => {
  it("the demo has one default brand; making another the default takes it over, with audit entries", async () => {
    await seedCatalog();
    const { principal } = await createStaffFixture();
    const { id } = await callerFor(principal).brands.save(brand({ isDefault: true }));
    expect(await db.brand.findMany({ where: { isDefault: true }, select: { id: true } })).toEqual([{ id }]);
    expect(await db.brand.findUniqueOrThrow({ where: { id } })).toMatchObject({ primaryColor: "#ff6600" });
    expect(await db.auditLog.count({ where: { action: "brand.created", entityId: id } })).toBe(1);
  });

  it("keeps exactly one default under racing saves, and refuses to un-set the only default", async () => {
    await seedCatalog();
    const { staff } = await createStaffFixture();
    await Promise.all(["A", "B", "C"].map((name) => saveBrand({ ...brand({ name, isDefault: true }), staffId: staff.id })));
    expect(await db.brand.count({ where: { isDefault: true } })).toBe(1);
    const only = await db.brand.findFirstOrThrow({ where: { isDefault: true } });
    const error = await saveBrand({ ...brand({ id: only.id, name: only.name, isDefault: false }), staffId: staff.id }).catch((caught: unknown) => caught);
    expect((error as AppError).details.fieldErrors).toEqual({ isDefault: [expect.stringContaining("must be the default")] });
    expect(await db.brand.findUniqueOrThrow({ where: { id: only.id } })).toMatchObject({ isDefault: true });
  });

  it("refuses bad input and a taken name with field errors, changing nothing; needs settings.manage", async () => {
    await seedCatalog();
    const { principal } = await createStaffFixture();
    const { principal: support } = await createStaffFixture({ roleIds: ["role_support"] });
    const caller = callerFor(principal);
    const before = await databaseFingerprint();
    for (const bad of [{ primaryColor: "orange" }, { senderEmail: "not-an-address" }, { logoUrl: "javascript:alert(1)" }, { name: " " }]) {
      await expect(caller.brands.save(brand(bad))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const taken = await caller.brands.save(brand({ name: "Hostlane" })).catch((caught: { cause?: unknown }) => caught);
    expect(((taken as { cause?: unknown }).cause as AppError).details.fieldErrors).toEqual({ name: ["Another brand already has this name."] });
    await expect(callerFor(support).brands.save(brand())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("sends a client's mail from its brand's sender, a client without one from the default brand, MAIL_FROM when the brand has none", async () => {
    await seedCatalog();
    const { staff } = await createStaffFixture();
    const { id: lowlands } = await saveBrand({ ...brand(), staffId: staff.id });
    const branded = await db.client.create({ data: { country: "NL", currency: "USD", brandId: lowlands } });
    const plain = await db.client.create({ data: { country: "US", currency: "USD" } });
    const mail = (clientId: string) => queueMail({ dedupeKey: `test:${clientId}`, template: "test", to: "someone@example.test", subject: "Hi", text: "Hi", html: "<p>Hi</p>", clientId, now: new Date() });
    await mail(branded.id);
    await mail(plain.id);
    const fromOf = async (clientId: string) => (await db.outboxMail.findFirstOrThrow({ where: { clientId } })).fromAddress;
    expect(await fromOf(branded.id)).toBe('"Lowlands Hosting" <billing@lowlands.example>');
    expect(await fromOf(plain.id)).toBeNull();
  });

  it("prints the client's brand's invoice header (its own, else the default brand's) on its invoices, else the seller settings; issued invoices keep the header they were issued with", async () => {
    await seedCatalog(); // the demo seller: Hostlane Demo B.V. in the Netherlands
    const { staff } = await createStaffFixture();
    const { id: lowlands } = await saveBrand({ ...brand({ invoiceHeader: "Lowlands Hosting B.V.\nKeizersgracht 1, Amsterdam" }), staffId: staff.id });
    const branded = await db.client.create({ data: { country: "NL", currency: "USD", brandId: lowlands } });
    const plain = await db.client.create({ data: { country: "US", currency: "USD" } });
    const invoiceFor = async (clientId: string) =>
      (await issueInvoice({ clientId, orderId: null, currency: "USD", lines: [{ description: "Starter", serviceId: null, amountCents: 500, taxName: null, taxes: [], taxCents: 0 }], now: new Date() })).id;
    const brandedInvoice = await invoiceFor(branded.id);
    const plainInvoice = await invoiceFor(plain.id);
    const headerOf = async (id: string) => (await db.invoice.findUniqueOrThrow({ where: { id } })).header;
    expect(await headerOf(brandedInvoice)).toBe("Lowlands Hosting B.V.\nKeizersgracht 1, Amsterdam");
    const defaultBrand = await db.brand.findFirstOrThrow({ where: { isDefault: true } });
    expect(await headerOf(plainInvoice)).toBe(defaultBrand.invoiceHeader);
    // A brand without a header of its own: the seller settings.
    await db.brand.update({ where: { id: defaultBrand.id }, data: { invoiceHeader: "" } });
    const { seller } = await getTaxSettings();
    expect(await headerOf(await invoiceFor(plain.id))).toBe(`Hostlane Demo B.V.\n${seller.address}\nVAT number: NL123456789B01`);

    await saveBrand({ ...brand({ id: lowlands, invoiceHeader: "Lowlands Hosting B.V.\nNew address" }), staffId: staff.id });
    expect(await headerOf(brandedInvoice)).toBe("Lowlands Hosting B.V.\nKeizersgracht 1, Amsterdam");
    expect(await headerOf(await invoiceFor(branded.id))).toBe("Lowlands Hosting B.V.\nNew address");
  });
});
