import { beforeEach, describe, expect, it } from "vitest";
import { ZodError, z } from "zod";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { evaluatePromoCode } from "@/server/promotions/evaluate-promo-code";
import { findPromoRules, promoCustomerOf } from "@/server/promotions/promo-code-queries";
import type { TPromoCodeInput } from "@/server/promotions/promotions.schemas";
import { redeemPromoCode } from "@/server/promotions/redeem-promo-code";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { resetDatabase } from "@/tests/db";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";
import { callerFor } from "@/tests/support/trpc";

const promo = (overrides: Partial<TPromoCodeInput> = {}): TPromoCodeInput => ({
  code: "spring25", description: "Spring sale", kind: "PERCENT", percentBasisPoints: 2_500, amounts: [], recurrence: "ONCE", recurringCycles: null,
  productIds: [], addonIds: [], cycles: [], startsAt: null, endsAt: null, maxUses: null, oncePerClient: false, newClientsOnly: false, isActive: true,
  ...overrides,
});

/** The field errors a form would show: from the input schema (ZodError) or the use case (AppError). */
const fieldErrorsOf = async (promise: Promise<unknown>) => {
  const error = (await promise.then(() => null, (caught: unknown) => caught)) as { code?: string; cause?: unknown } | null;
  expect(error?.code).toBe("BAD_REQUEST");
  if (error?.cause instanceof ZodError) return z.flattenError(error.cause).fieldErrors;
  return error?.cause instanceof AppError ? (error.cause.details.fieldErrors ?? {}) : {};
};

/** A client with an order, as the order's transaction would have them when it redeems. */
const clientWithOrder = async () => {
  const client = await db.client.create({ data: { country: "US", currency: "USD" } });
  const order = await db.order.create({
    data: { clientId: client.id, paymentMethod: "BANK_TRANSFER", currency: "USD", subtotalCents: 599, taxCents: 0, totalCents: 599, placedAt: new Date() },
  });
  return { clientId: client.id, orderId: order.id };
};

beforeEach(resetDatabase);

describe("Admin → Promotions", () => {
  it("saves a code upper-case with its limits and an audit entry, and edits it without touching its uses", async () => {
    const { starterId } = await seedCatalog();
    const { principal } = await createStaffFixture();
    const caller = callerFor(principal);
    const { id, code } = await caller.promotions.save({ id: null, ...promo({ productIds: [starterId], cycles: ["MONTHLY"], maxUses: 100 }) });
    expect(code).toBe("SPRING25");
    await db.promoCode.update({ where: { id }, data: { uses: 7 } });

    await caller.promotions.save({ id, ...promo({ kind: "FIXED", percentBasisPoints: null, amounts: [{ currency: "USD", amountCents: 500 }], recurrence: "RECURRING", recurringCycles: 3 }) });
    const saved = await db.promoCode.findUniqueOrThrow({ where: { id }, include: { amounts: true } });
    expect(saved).toMatchObject({ code: "SPRING25", kind: "FIXED", percentBasisPoints: null, uses: 7, recurrence: "RECURRING", recurringCycles: 3, productIds: [], maxUses: null });
    expect(saved.amounts).toMatchObject([{ currency: "USD", amountCents: 500 }]);
    expect((await db.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action)).toEqual(["promo-code.created", "promo-code.updated"]);
    expect((await caller.promotions.list()).map((row) => row.code)).toEqual(["SPRING25", "WELCOME10"]);
  });

  it("refuses bad input with field errors and changes nothing", async () => {
    await seedCatalog();
    const { principal } = await createStaffFixture();
    const caller = callerFor(principal);
    const before = await databaseFingerprint();
    expect(await fieldErrorsOf(caller.promotions.save({ id: null, ...promo({ percentBasisPoints: null }) }))).toMatchObject({ percentBasisPoints: ["Enter the percentage."] });
    expect(await fieldErrorsOf(caller.promotions.save({ id: null, ...promo({ kind: "FIXED", percentBasisPoints: null }) }))).toMatchObject({ amounts: ["Enter the amount in at least one currency."] });
    expect(await fieldErrorsOf(caller.promotions.save({ id: null, ...promo({ kind: "FIXED", amounts: [{ currency: "XYZ", amountCents: 100 }] }) }))).toMatchObject({ amounts: [expect.stringContaining("not set up")] });
    expect(await fieldErrorsOf(caller.promotions.save({ id: null, ...promo({ startsAt: new Date("2027-01-02"), endsAt: new Date("2027-01-01") }) }))).toMatchObject({ endsAt: ["The end must be after the start."] });
    expect(await fieldErrorsOf(caller.promotions.save({ id: null, ...promo({ productIds: ["no-such-product"] }) }))).toMatchObject({ productIds: [expect.stringContaining("no longer exists")] });
    expect(await fieldErrorsOf(caller.promotions.save({ id: null, ...promo({ code: "no spaces!" }) }))).toMatchObject({ code: [expect.any(String)] });
    expect(await fieldErrorsOf(caller.promotions.save({ id: null, ...promo({ code: "welcome10" }) }))).toEqual({ code: ["Another promo code already uses this code."] });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("lets exactly one of two racing saves of the same new code through; the other gets the field error", async () => {
    await seedCatalog();
    const { principal } = await createStaffFixture();
    const results = await Promise.allSettled([1, 2].map(() => callerFor(principal).promotions.save({ id: null, ...promo() })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.promoCode.count({ where: { code: "SPRING25" } })).toBe(1);
  });

  it("needs catalog.write to save and catalog.read to list", async () => {
    await seedCatalog();
    const { principal: billing } = await createStaffFixture({ roleIds: ["role_billing"] });
    const error = await callerFor(billing).promotions.save({ id: null, ...promo() }).catch((caught: { code?: string }) => caught);
    expect((error as { code?: string }).code).toBe("FORBIDDEN");
    expect(await db.promoCode.count()).toBe(1);
  });
});

describe("redeeming a code in the order's transaction", () => {
  it("counts uses exactly under concurrent checkouts: 3 of 10 racing orders get a code with 3 uses left", async () => {
    await seedCatalog();
    const code = await db.promoCode.create({ data: { code: "LAST3", kind: "PERCENT", percentBasisPoints: 500, maxUses: 3 } });
    const orders = await Promise.all(Array.from({ length: 10 }, clientWithOrder));
    const results = await Promise.allSettled(
      orders.map(({ clientId, orderId }) => db.$transaction((tx) => redeemPromoCode({ promoCodeId: code.id, clientId, orderId, oncePerClient: false }, tx))),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    for (const result of results.filter((candidate) => candidate.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(((result as PromiseRejectedResult).reason as AppError).details.fieldErrors).toEqual({ promoCode: ["This code has been used up."] });
    }
    expect(await db.promoCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({ uses: 3 });
    expect(await db.promoRedemption.count()).toBe(3);
  });

  it("lets a once-per-client code through once per client, also when one client's two checkouts race; a refusal counts nothing", async () => {
    await seedCatalog();
    const code = await db.promoCode.create({ data: { code: "ONCE", kind: "PERCENT", percentBasisPoints: 500, oncePerClient: true } });
    const { clientId, orderId } = await clientWithOrder();
    const second = await db.order.create({
      data: { clientId, paymentMethod: "BANK_TRANSFER", currency: "USD", subtotalCents: 599, taxCents: 0, totalCents: 599, placedAt: new Date() },
    });
    const results = await Promise.allSettled(
      [orderId, second.id].map((id) => db.$transaction((tx) => redeemPromoCode({ promoCodeId: code.id, clientId, orderId: id, oncePerClient: true }, tx))),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).details.fieldErrors).toEqual({ promoCode: ["You have already used this code."] });
    expect(await db.promoCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({ uses: 1 });
    expect(await promoCustomerOf({ promoCodeId: code.id, clientId })).toEqual({ isNewClient: false, hasUsedCode: true });
  });

  it("the demo's WELCOME10: 10 % off the first period of hosting for a new client, refused to a client who has ordered", async () => {
    const { starterId } = await seedCatalog();
    const rules = (await findPromoRules({ code: " welcome10 " }))!;
    expect(rules).toMatchObject({ code: "WELCOME10", kind: "PERCENT", percentBasisPoints: 1_000, recurrence: "ONCE", newClientsOnly: true });
    const lines = [{ key: "0", kind: "product" as const, productId: starterId, cycle: "MONTHLY" as const, amountCents: 599 }];
    const guest = await promoCustomerOf({ promoCodeId: rules.id, clientId: null });
    expect(evaluatePromoCode({ rules, lines, currency: "USD", customer: guest, now: new Date() })).toMatchObject({ ok: true, discountCents: -60 });
    const { clientId } = await clientWithOrder();
    const existing = await promoCustomerOf({ promoCodeId: rules.id, clientId });
    expect(evaluatePromoCode({ rules, lines, currency: "USD", customer: existing, now: new Date() })).toMatchObject({ ok: false, message: "This code is only for new clients." });
    expect(await findPromoRules({ code: "NOPE" })).toBeNull();
  });
});
