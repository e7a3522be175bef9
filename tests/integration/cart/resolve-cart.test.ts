import { beforeEach, describe, expect, it } from "vitest";
import { resolveCart } from "@/server/cart/resolve-cart";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";

let catalog: TSeededCatalog;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
});

describe("resolveCart", () => {
  it("prices the stored references from the catalog and keeps their positions", async () => {
    const cart = await resolveCart({
      items: [
        { productId: catalog.businessId, cycle: "MONTHLY" },
        { productId: catalog.starterId, cycle: "ANNUALLY" },
      ],
    });
    expect(cart.lines.map(({ index, productName, cycle, amountCents, setupFeeCents }) => ({ index, productName, cycle, amountCents, setupFeeCents }))).toEqual([
      { index: 0, productName: "Business", cycle: "MONTHLY", amountCents: 1_499, setupFeeCents: 1_000 },
      { index: 1, productName: "Starter", cycle: "ANNUALLY", amountCents: 5_990, setupFeeCents: 0 },
    ]);
    // $14.99 + $10.00 setup + $59.90 = $84.89, before tax.
    expect(cart).toMatchObject({ currency: "USD", droppedCount: 0, subtotalCents: 8_489 });
  });

  it("drops unknown products, products of hidden groups, and cycles no longer offered; keeps hidden products (direct link)", async () => {
    await db.product.update({ where: { id: catalog.starterId }, data: { isHidden: true } });
    await db.productGroup.update({ where: { slug: "domains" }, data: { isHidden: true } });
    const cart = await resolveCart({
      items: [
        { productId: catalog.starterId, cycle: "MONTHLY" },
        { productId: "no-such-product", cycle: "MONTHLY" },
        { productId: catalog.businessId, cycle: "QUARTERLY" },
        { productId: catalog.comDomainId, cycle: "ANNUALLY" },
        { productId: catalog.businessId, cycle: "ANNUALLY" },
      ],
    });
    expect(cart.lines.map(({ index, productName }) => [index, productName])).toEqual([[0, "Starter"], [4, "Business"]]);
    expect(cart).toMatchObject({ droppedCount: 3, subtotalCents: 16_589 /* $5.99 + $149.90 + $10.00 setup */ });
  });
});
