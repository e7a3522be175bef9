import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { quoteOrder } from "@/server/orders/quote-order";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { resetDatabase } from "@/tests/db";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";

const NOW = new Date("2026-12-01T12:00:00Z");
beforeEach(resetDatabase);

describe("promo codes at checkout", () => {
  it("WELCOME10 adds a discount line after Starter, taxed like it; the order takes one use and the invoice carries the line", async () => {
    const { starterId, comDomainId } = await seedCatalog();
    const items = [{ productId: starterId, cycle: "MONTHLY" as const }, { productId: comDomainId, cycle: "ANNUALLY" as const }];
    const quote = await quoteOrder({ items, currency: "USD", country: "US", state: "TX", promoCode: "welcome10", now: NOW });
    const starter = quote.items[0]!.lines;
    expect(starter.map((line) => [line.kind, line.amountCents])).toEqual([["PRODUCT", 599], ["DISCOUNT", -60]]);
    expect(starter[1]).toMatchObject({ description: "Promo Code WELCOME10: Starter (Monthly)", taxCents: -5 });
    // NOTE: the domain is not a hosting product: no discount line.
    expect(quote.items[1]!.lines.map((line) => line.kind)).toEqual(["PRODUCT"]);
    expect(quote).toMatchObject({ discountCents: 60, subtotalCents: 599 - 60 + 1_299, promo: { code: "WELCOME10", discountCents: -60 } });
    expect(quote.totalCents).toBe(quote.subtotalCents + quote.taxCents);
    expect(quote.taxCents).toBe(quote.items.flatMap((item) => item.lines).reduce((total, line) => total + line.taxCents, 0));

    const placed = await placeOrder({ input: buildPlaceOrderInput({ items, promoCode: "WELCOME10" }), now: NOW });
    expect(await db.promoCode.findUniqueOrThrow({ where: { code: "WELCOME10" } })).toMatchObject({ uses: 1 });
    const order = await db.order.findFirstOrThrow({ include: { promoRedemption: true, invoices: { include: { lines: { orderBy: { position: "asc" } } } } } });
    expect(order.promoRedemption).toMatchObject({ clientId: order.clientId });
    expect(order.invoices[0]!.lines.map((line) => [line.description, line.amountCents])).toContainEqual(["Promo Code WELCOME10: Starter (Monthly)", -60]);
    expect(order.invoices[0]!.totalCents).toBe(quote.totalCents);
    expect(placed.invoiceNumber).toBeTruthy();
  });

  it("refuses an unknown, expired or used-up code with its own reason on the promo code field, creating and counting nothing", async () => {
    const { starterId } = await seedCatalog();
    await db.promoCode.create({ data: { code: "OLD", kind: "PERCENT", percentBasisPoints: 500, endsAt: new Date("2026-01-01") } });
    await db.promoCode.create({ data: { code: "GONE", kind: "PERCENT", percentBasisPoints: 500, maxUses: 1, uses: 1 } });
    const before = await databaseFingerprint();
    for (const [promoCode, message] of [["NOPE", "This code does not exist. Check the spelling and try again."], ["old", "This code has expired."], ["GONE", "This code has been used up."]] as const) {
      const error = await placeOrder({ input: buildPlaceOrderInput({ items: [{ productId: starterId, cycle: "MONTHLY" }], promoCode }), now: NOW }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details.fieldErrors).toEqual({ promoCode: [message] });
    }
    expect(await databaseFingerprint()).toEqual(before);
  });
});
