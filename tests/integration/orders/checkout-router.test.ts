import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";
import { callerFor } from "@/tests/support/trpc";

let catalog: TSeededCatalog;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
});

const rejectionOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

describe("checkout procedures", () => {
  it("quote: prices the order with per-line tax for the billing address and creates nothing", async () => {
    const { acceptTos: _acceptTos, ...quoteInput } = buildPlaceOrderInput({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }] });
    const quote = await callerFor(null).checkout.quote(quoteInput);
    expect(quote).toMatchObject({
      currency: "USD",
      taxLabel: "Sales Tax (8.25 %)",
      reverseCharge: false,
      notes: [],
      subtotalCents: 2_499 /* $24.99 */,
      taxCents: 207 /* $2.07 */,
      totalCents: 2_706 /* $27.06 */,
    });
    expect(quote.items[0]?.lines.map((line) => [line.kind, line.amountCents, line.taxCents])).toEqual([
      ["PRODUCT", 1_499, 124],
      ["SETUP_FEE", 1_000, 83],
    ]);
    expect(await db.client.count()).toBe(0);
  });

  it("quote: returns zod field errors for the form, one list per field", async () => {
    const { acceptTos: _acceptTos, ...quoteInput } = buildPlaceOrderInput({
      items: [{ productId: catalog.starterId, cycle: "MONTHLY" }],
      firstName: " ",
      email: "nope",
      confirmPassword: "different",
    });
    const error = await rejectionOf(callerFor(null).checkout.quote(quoteInput));
    expect(error.code).toBe("BAD_REQUEST");
    // The caller sees the ZodError as the cause; the HTTP errorFormatter flattens it into data.fieldErrors.
    expect(error.cause?.name).toBe("ZodError");
  });

  it("quote: a taken e-mail is refused at Continue, before the customer sees taxes", async () => {
    await createClientWithOrder({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], email: "taken@example.com" });
    const { acceptTos: _acceptTos, ...quoteInput } = buildPlaceOrderInput({
      items: [{ productId: catalog.starterId, cycle: "MONTHLY" }],
      email: "TAKEN@example.com",
    });
    const error = await rejectionOf(callerFor(null).checkout.quote(quoteInput));
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as AppError).details.fieldErrors?.email).toHaveLength(1);
  });

  it("placeOrder: places the order and answers with the numbers the confirmation page shows", async () => {
    const placed = await callerFor(null).checkout.placeOrder(
      buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] }),
    );
    // Starter monthly $5.99; 8.25 % tax $0.49 (0.494175).
    expect(placed).toMatchObject({ invoiceNumber: "INV-000001", currency: "USD", totalCents: 648 /* $6.48 */ });
  });

  it("placeOrder: TOS not accepted is refused by the input schema and nothing is created", async () => {
    const input = buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], acceptTos: false as unknown as true });
    const error = await rejectionOf(callerFor(null).checkout.placeOrder(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await db.client.count()).toBe(0);
  });
});
