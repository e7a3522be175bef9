import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { quoteOrder } from "@/server/orders/quote-order";
import { resetDatabase } from "@/tests/db";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { auditEntriesOf } from "@/tests/support/audit-entries";
import { callerFor } from "@/tests/support/trpc";

const AT = new Date("2026-06-15T12:00:00Z");
const RULE = { name: "Texas Sales Tax", rate: "6.25", country: "US", state: "TX", level: 1, compound: false, productTypes: [], effectiveFrom: "2020-01-01", effectiveTo: "" };

let catalog: TSeededCatalog;
let staff: Awaited<ReturnType<typeof createStaffFixture>>;
const admin = () => callerFor(staff.principal).taxAdmin;

type TQuoteOptions = { at?: Date; productId?: string; cycle?: "MONTHLY" | "ANNUALLY"; customer?: Parameters<typeof quoteOrder>[0]["customer"] };
const quote = (country: string, state: string, options: TQuoteOptions = {}) =>
  quoteOrder({
    items: [{ productId: options.productId ?? catalog.businessId, cycle: options.cycle ?? "MONTHLY" }],
    currency: "USD",
    country,
    state,
    customer: options.customer,
    now: options.at ?? AT,
  });
const taxesOf = (result: Awaited<ReturnType<typeof quote>>) => result.items.flatMap((item) => item.lines.map((line) => [line.amountCents, line.taxes]));

describe("tax rules", () => {
  beforeEach(async () => {
    await resetDatabase();
    catalog = await seedCatalog();
    staff = await createStaffFixture();
  });

  it("a state rule beats the country rule; other states keep the country rule", async () => {
    const { id } = await admin().saveRule({ fields: RULE });
    expect(taxesOf(await quote("US", "tx"))).toEqual([
      [1_499, [{ name: "Texas Sales Tax", rate: "6.25", amountCents: 94 /* 93.6875 */ }]],
      [1_000, [{ name: "Texas Sales Tax", rate: "6.25", amountCents: 63 /* 62.5, half away from zero */ }]],
    ]);
    expect(taxesOf(await quote("US", "CA"))[0]).toEqual([1_499, [{ name: "Sales Tax", rate: "8.25", amountCents: 124 }]]);
    expect((await auditEntriesOf(id)).map((entry) => [entry.action, entry.after])).toEqual([
      ["taxes.rule-created", expect.objectContaining({ name: "Texas Sales Tax", rate: "6.25", state: "TX" })],
    ]);
  });

  it("stacks a level 2 tax (9.975 %) and a compound one, each rounded per line; totals are sums of rounded lines", async () => {
    await admin().saveRule({ fields: { ...RULE, name: "GST", rate: "5", country: "CA", state: "" } });
    const { id } = await admin().saveRule({ fields: { ...RULE, name: "QST", rate: "9.975", country: "CA", state: "QC", level: 2 } });
    const simple = await quote("CA", "QC");
    expect(taxesOf(simple)).toEqual([
      [1_499, [{ name: "GST", rate: "5", amountCents: 75 /* 74.95 */ }, { name: "QST", rate: "9.975", amountCents: 150 /* 149.53 */ }]],
      [1_000, [{ name: "GST", rate: "5", amountCents: 50 }, { name: "QST", rate: "9.975", amountCents: 100 /* 99.75 */ }]],
    ]);
    expect(simple).toMatchObject({ subtotalCents: 2_499, taxCents: 375, totalCents: 2_874 });

    await admin().saveRule({ ruleId: id, fields: { ...RULE, name: "QST", rate: "9.975", country: "CA", state: "QC", level: 2, compound: true } });
    expect(taxesOf(await quote("CA", "QC"))[0]).toEqual([
      1_499, [{ name: "GST", rate: "5", amountCents: 75 }, { name: "QST", rate: "9.975", amountCents: 157 /* 9.975 % of 15.74 = 157.0 */ }],
    ]);
    expect((await auditEntriesOf(id)).map((entry) => entry.action)).toEqual(["taxes.rule-created", "taxes.rule-updated"]);
  });

  it("applies a rule only to its product types", async () => {
    await admin().saveRule({ fields: { ...RULE, name: "Domain Levy", rate: "1", country: "JP", state: "", productTypes: ["DOMAIN"] } });
    expect(taxesOf(await quote("JP", "Tokyo", { productId: catalog.comDomainId, cycle: "ANNUALLY" }))).toEqual([[1_299, [{ name: "Domain Levy", rate: "1", amountCents: 13 }]]]);
    expect((await quote("JP", "Tokyo")).taxCents).toBe(0);
  });

  it("uses the EU rate in force on the day: Finland 24 % until 31 August 2024, 25.5 % from 1 September", async () => {
    expect(taxesOf(await quote("FI", "", { at: new Date("2024-08-31T23:59:59Z") }))[0]).toEqual([1_499, [{ name: "VAT", rate: "24", amountCents: 360 }]]);
    expect(taxesOf(await quote("FI", "", { at: new Date("2024-09-01T00:00:00Z") }))[0]).toEqual([1_499, [{ name: "VAT", rate: "25.5", amountCents: 382 }]]);
  });

  it("charges no tax to a client that is not taxable", async () => {
    expect(await quote("NL", "", { customer: { isTaxable: false } })).toMatchObject({ taxCents: 0, totalCents: 2_499, reverseCharge: false });
    expect(await quote("US", "TX", { customer: { isTaxable: false, taxId: "12-3456789" } })).toMatchObject({ taxCents: 0, notes: ["Customer tax ID: 12-3456789"] });
  });

  it("with tax-inclusive prices extracts the tax: the total is the shown price", async () => {
    const seller = { companyName: "Hostlane Demo B.V.", address: "Amsterdam", country: "NL", vatNumber: "NL123456789B01" };
    await admin().updateSettings({ fields: { seller, pricesIncludeTax: true } });
    const inclusive = await quote("NL", "", { productId: catalog.starterId });
    expect(inclusive).toMatchObject({ subtotalCents: 495, taxCents: 104, totalCents: 599 /* $5.99 as shown */ });
    expect(taxesOf(inclusive)).toEqual([[495, [{ name: "VAT", rate: "21", amountCents: 104 }]]]);
  });

  it("stores the seller and the price setting, audited; a VAT number without the seller's prefix is a field error", async () => {
    const seller = { companyName: "Example Hosting Oy", address: "Helsinki", country: "FI", vatNumber: "fi 1234 5678" };
    await admin().updateSettings({ fields: { seller, pricesIncludeTax: false } });
    expect(await db.setting.findUniqueOrThrow({ where: { key: "tax.seller" } })).toMatchObject({ value: { ...seller, vatNumber: "FI12345678" } });
    expect(await db.auditLog.count({ where: { action: "settings.taxes-changed" } })).toBe(1);
    const error = await admin().updateSettings({ fields: { seller: { ...seller, vatNumber: "DE123456789" }, pricesIncludeTax: true } }).then(() => null, (caught: unknown) => caught);
    expect((error as { cause?: { details?: { fieldErrors?: object } } }).cause?.details?.fieldErrors).toEqual({ "seller.vatNumber": [expect.stringMatching(/country prefix/)] });
    expect(await db.setting.findUnique({ where: { key: "tax.pricesIncludeTax" } })).toMatchObject({ value: false });
  });

  it("refuses bad input with field errors and changes nothing", async () => {
    const before = await db.taxRule.count();
    const refusal = async (fields: object) => {
      const error = await admin().saveRule({ fields: { ...RULE, ...fields } }).then(() => null, (caught: unknown) => caught);
      return (error as { cause?: { details?: { fieldErrors?: Record<string, string[]> } } }).cause?.details?.fieldErrors;
    };
    expect(await refusal({ rate: "8,875" })).toEqual({ rate: [expect.stringMatching(/at most four decimals/)] });
    expect(await refusal({ rate: "100.5" })).toHaveProperty("rate");
    expect(await refusal({ compound: true })).toHaveProperty("compound");
    expect(await refusal({ effectiveTo: "2019-12-31" })).toHaveProperty("effectiveTo");
    expect(await refusal({ country: "", state: "TX" })).toHaveProperty("state");
    expect(await refusal({ name: " " })).toHaveProperty("name");
    expect(await db.taxRule.count()).toBe(before);
    await expect(admin().deleteRule({ ruleId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes a rule, audited, and the next quote no longer charges it", async () => {
    const { id } = await admin().saveRule({ fields: RULE });
    await admin().deleteRule({ ruleId: id });
    expect(taxesOf(await quote("US", "TX"))[0]).toEqual([1_499, [{ name: "Sales Tax", rate: "8.25", amountCents: 124 }]]);
    expect((await auditEntriesOf(id)).map((entry) => entry.action)).toEqual(["taxes.rule-created", "taxes.rule-deleted"]);
  });
});

describe("Taxes → Add EU VAT rules", () => {
  beforeEach(async () => {
    await resetDatabase();
    staff = await createStaffFixture();
  });

  it("creates the EU-27 standard rates as dated rules once, even when run twice at the same time", async () => {
    const [first, second] = await Promise.all([admin().addEuVatRules(), admin().addEuVatRules()]);
    expect([first.added, second.added].sort()).toEqual([0, 31 /* 23 unchanged + 4 changed rates × 2 periods */]);
    expect((await admin().addEuVatRules()).added).toBe(0);
    const rules = await db.taxRule.findMany({ where: { country: { in: ["GR", "EE", "DE"] } }, orderBy: [{ country: "asc" }, { effectiveFrom: "asc" }] });
    expect(rules.map((rule) => [rule.country, rule.rateMillionths, rule.effectiveFrom.toISOString().slice(0, 10), rule.effectiveTo?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["DE", 190_000, "2024-01-01", null],
      ["EE", 220_000, "2024-01-01", "2025-07-01"],
      ["EE", 240_000, "2025-07-01", null],
      ["GR", 240_000, "2024-01-01", null],
    ]);
    expect(await db.taxRule.count({ where: { country: "EL" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "taxes.eu-vat-rules-added" } })).toBe(1);
  });
});
