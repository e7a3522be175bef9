import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";

// A guest orders in the currency picked on the storefront (the cart's currency): the new account keeps it, and
// its first invoice is in it. Demo: Starter $5.99 / month, converted at 0.92 → €5.51.
const NOW = new Date("2026-03-02T10:00:00Z");
let catalog: TSeededCatalog;
beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
});

describe("a guest's order currency", () => {
  it("prices, invoices and keeps the account in the chosen currency", async () => {
    const placed = await placeOrder({ input: buildPlaceOrderInput({ currency: "EUR", items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] }), now: NOW });
    // Texas sales tax 8.25 % of €5.51 = 0.4546 → €0.45.
    expect(await db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } })).toMatchObject({ currency: "EUR", subtotalCents: 551, taxCents: 45, totalCents: 596 });
    expect(await db.client.findUniqueOrThrow({ where: { id: placed.clientId } })).toMatchObject({ currency: "EUR" });
  });

  it("refuses a currency the shop does not sell in, creating nothing", async () => {
    const before = await databaseFingerprint();
    const error = await placeOrder({ input: buildPlaceOrderInput({ currency: "GBP", items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] }), now: NOW }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.fieldErrors?.items?.[0]).toBeTruthy();
    expect(await databaseFingerprint()).toEqual(before);
  });
});
