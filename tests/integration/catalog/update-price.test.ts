import { beforeEach, describe, expect, it } from "vitest";
import { updatePrice } from "@/server/catalog/admin/update-price";
import { getStorefrontProduct } from "@/server/catalog/catalog-queries";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { resetDatabase } from "@/tests/db";
import { callerFor } from "@/tests/support/trpc";

const businessMonthly = async (businessId: string) =>
  db.price.findFirstOrThrow({ where: { productId: businessId, cycle: "MONTHLY", currency: "USD" } });

describe("updatePrice (Admin → Products → Edit)", () => {
  beforeEach(resetDatabase);

  it("changes the amount and setup fee, which the storefront's catalog read then shows, with its audit entry", async () => {
    const { businessId } = await seedCatalog();
    const { staff } = await createStaffFixture();
    const price = await businessMonthly(businessId);

    const result = await updatePrice({ priceId: price.id, amountCents: 1_745, setupFeeCents: 0, staffId: staff.id });

    expect(result).toEqual({ priceId: price.id, amountCents: 1_745, setupFeeCents: 0, currency: "USD" });
    const product = await getStorefrontProduct({ slug: "business" });
    expect(product?.prices.find((candidate) => candidate.cycle === "MONTHLY")).toMatchObject({ amountCents: 1_745, setupFeeCents: 0 });
    expect(await db.auditLog.findMany({ where: { entityType: "Price", entityId: price.id } })).toMatchObject([
      {
        action: "price.updated", actorKind: "STAFF", staffId: staff.id,
        before: { amountCents: 1_499, setupFeeCents: 1_000 }, after: { amountCents: 1_745, setupFeeCents: 0 },
        details: { productId: businessId, currency: "USD", cycle: "MONTHLY" },
      },
    ]);
  });

  it("refuses an unknown price with NOT_FOUND and writes nothing", async () => {
    await seedCatalog();
    const { staff } = await createStaffFixture();
    const before = await db.price.findMany({ orderBy: { id: "asc" } });
    const error = await updatePrice({ priceId: "no-such-price", amountCents: 100, setupFeeCents: 0, staffId: staff.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
    expect(await db.price.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "price.updated" } })).toBe(0);
  });

  it("refuses negative, fractional and huge amounts at the procedure's input, with field errors, changing nothing", async () => {
    const { businessId } = await seedCatalog();
    const { principal } = await createStaffFixture();
    const price = await businessMonthly(businessId);
    for (const input of [{ amountCents: -1, setupFeeCents: 0 }, { amountCents: 10.5, setupFeeCents: 0 }, { amountCents: 100, setupFeeCents: 1e12 }]) {
      await expect(callerFor(principal).catalogAdmin.updatePrice({ priceId: price.id, ...input })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await businessMonthly(businessId)).toEqual(price);
  });
});
