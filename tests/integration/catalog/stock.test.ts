import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { placeOrder } from "@/server/orders/place-order";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";

const NOW = new Date("2026-03-01T10:00:00Z");
let catalog: TSeededCatalog;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
});

const order = (productId: string) => placeOrder({ input: buildPlaceOrderInput({ items: [{ productId, cycle: "MONTHLY" }] }), now: NOW });

describe("stock counts", () => {
  it("never oversells: of 8 parallel checkouts for 3 units, exactly 3 are placed and the rest refused, creating nothing", async () => {
    await db.product.update({ where: { id: catalog.businessId }, data: { stockCount: 3 } });

    const results = await Promise.allSettled(Array.from({ length: 8 }, () => order(catalog.businessId)));

    const placed = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(placed).toHaveLength(3);
    expect(refused).toHaveLength(5);
    for (const error of refused) {
      expect(error).toMatchObject({ code: "PRODUCT_UNAVAILABLE", details: { userMessage: "Business is out of stock." } });
    }
    expect(await db.product.findUniqueOrThrow({ where: { id: catalog.businessId }, select: { stockCount: true } })).toEqual({ stockCount: 0 });
    expect({ orders: await db.order.count(), services: await db.service.count(), clients: await db.client.count() }).toEqual({ orders: 3, services: 3, clients: 3 });
    // The last unit sold says so, for the cached storefront to be refreshed.
    expect(placed.filter((result) => result.value.soldOutProductIds.includes(catalog.businessId))).toHaveLength(1);
  });

  it("counts two items of the same product against the stock, and leaves untracked products alone", async () => {
    await db.product.update({ where: { id: catalog.businessId }, data: { stockCount: 2 } });
    const items = [{ productId: catalog.businessId, cycle: "MONTHLY" as const }, { productId: catalog.businessId, cycle: "ANNUALLY" as const }, { productId: catalog.starterId, cycle: "MONTHLY" as const }];
    const placed = await placeOrder({ input: buildPlaceOrderInput({ items }), now: NOW });
    expect(placed.soldOutProductIds).toEqual([catalog.businessId]);
    const stock = await db.product.findMany({ where: { id: { in: [catalog.businessId, catalog.starterId] } }, select: { slug: true, stockCount: true }, orderBy: { slug: "asc" } });
    expect(stock).toEqual([{ slug: "business", stockCount: 0 }, { slug: "starter", stockCount: null }]);
    await expect(order(catalog.businessId)).rejects.toMatchObject({ details: { userMessage: "Business is out of stock." } });
    expect(await db.order.count()).toBe(1);
  });
});
