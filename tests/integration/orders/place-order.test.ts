import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";

const NOW = new Date("2026-03-01T10:00:00Z");
const SEVEN_DAYS_LATER = new Date("2026-03-08T10:00:00Z");

let catalog: TSeededCatalog;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
});

const countCreatedRecords = async () => ({
  clients: await db.client.count(),
  contacts: await db.contact.count(),
  orders: await db.order.count(),
  orderItems: await db.orderItem.count(),
  services: await db.service.count(),
  invoices: await db.invoice.count(),
  invoiceLines: await db.invoiceLine.count(),
  mails: await db.outboxMail.count(),
});

const NOTHING_CREATED = { clients: 0, contacts: 0, orders: 0, orderItems: 0, services: 0, invoices: 0, invoiceLines: 0, mails: 0 };

const expectAppError = async (promise: Promise<unknown>, code: string, field?: string) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field) {
    expect((error as AppError).details.fieldErrors?.[field]?.length).toBeGreaterThan(0);
  }
};

describe("placeOrder", () => {
  it("creates the client, contact, order, pending package and an issued invoice with per-line tax in exact cents", async () => {
    const input = buildPlaceOrderInput({
      items: [{ productId: catalog.businessId, cycle: "MONTHLY" }],
      email: "  Ada.Lovelace@Example.COM ",
    });

    const placed = await placeOrder({ input, now: NOW });

    // Business monthly $14.99 + setup $10.00; 8.25 % US sales tax per line: $1.24 + $0.83 = $2.07.
    expect(placed).toMatchObject({
      invoiceNumber: "INV-000001",
      currency: "USD",
      subtotalCents: 2_499 /* $24.99 */,
      taxCents: 207 /* $2.07 */,
      totalCents: 2_706 /* $27.06 */,
    });

    const client = await db.client.findUniqueOrThrow({ where: { id: placed.clientId }, include: { contacts: true } });
    expect(client).toMatchObject({ country: "US", state: "TX", currency: "USD", status: "ACTIVE", isTaxable: true });
    expect(client.contacts).toHaveLength(1);
    expect(client.contacts[0]).toMatchObject({ isPrimary: true, email: "ada.lovelace@example.com", firstName: "Ada", country: "US" });
    expect(client.contacts[0]?.passwordHash?.startsWith("scrypt$")).toBe(true);

    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { items: true } });
    expect(order).toMatchObject({
      clientId: placed.clientId,
      status: "PENDING",
      paymentMethod: "BANK_TRANSFER",
      currency: "USD",
      subtotalCents: 2_499 /* $24.99 */,
      taxCents: 207 /* $2.07 */,
      totalCents: 2_706 /* $27.06 */,
      placedAt: NOW,
    });
    expect(order.items).toHaveLength(1);
    expect(order.items[0]).toMatchObject({ productId: catalog.businessId, cycle: "MONTHLY", amountCents: 1_499, setupFeeCents: 1_000 });

    const services = await db.service.findMany({ where: { clientId: placed.clientId } });
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      status: "PENDING",
      cycle: "MONTHLY",
      priceCents: 1_499 /* $14.99 */,
      currency: "USD",
      orderItemId: order.items[0]?.id,
      productId: catalog.businessId,
    });

    const invoice = await db.invoice.findUniqueOrThrow({
      where: { id: placed.invoiceId },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    expect(invoice).toMatchObject({
      number: "INV-000001",
      clientId: placed.clientId,
      orderId: placed.orderId,
      status: "ISSUED",
      paymentStatus: "UNPAID",
      subtotalCents: 2_499 /* $24.99 */,
      taxCents: 207 /* $2.07 */,
      totalCents: 2_706 /* $27.06 */,
      paidCents: 0,
      issuedAt: NOW,
      dueAt: SEVEN_DAYS_LATER,
    });
    expect(invoice.lines.map(({ position, description, amountCents, taxName, taxes, taxCents, serviceId }) => ({
      position, description, amountCents, taxName, taxes, taxCents, serviceId,
    }))).toEqual([
      {
        position: 1, description: "Business (Monthly)", amountCents: 1_499, taxName: "Sales Tax",
        taxes: [{ name: "Sales Tax", rate: "8.25", amountCents: 124 }], taxCents: 124, serviceId: services[0]?.id,
      },
      {
        position: 2, description: "Business Setup Fee", amountCents: 1_000, taxName: "Sales Tax",
        taxes: [{ name: "Sales Tax", rate: "8.25", amountCents: 83 }], taxCents: 83, serviceId: services[0]?.id,
      },
    ]);

    expect(await db.invoiceSequence.findUniqueOrThrow({ where: { name: "invoice" } })).toMatchObject({ next: 2 });

    const mails = await db.outboxMail.findMany({ orderBy: { template: "asc" } });
    expect(mails.map(({ dedupeKey, template, to, clientId }) => ({ dedupeKey, template, to, clientId }))).toEqual([
      { dedupeKey: `invoice-created:${placed.invoiceId}`, template: "invoice-created", to: "ada.lovelace@example.com", clientId: placed.clientId },
      { dedupeKey: `order-confirmation:${placed.orderId}`, template: "order-confirmation", to: "ada.lovelace@example.com", clientId: placed.clientId },
    ]);
    for (const mail of mails) {
      expect(mail.text).toContain("Total: $27.06");
      expect(mail.text).toContain("Sales Tax (8.25 %): $2.07");
      expect(mail.sentAt).toBeNull();
    }
    expect(mails[0]?.text).toContain("INV-000001");
    expect(mails[0]?.text).toContain("Mar 8, 2026");
  });

  it("prices several items on one invoice, a setup-fee line only where there is a fee", async () => {
    const placed = await placeOrder({
      input: buildPlaceOrderInput({
        items: [
          { productId: catalog.starterId, cycle: "ANNUALLY" },
          { productId: catalog.businessId, cycle: "ANNUALLY" },
        ],
      }),
      now: NOW,
    });
    // Starter annual $59.90 → tax $4.94 (4.94175); Business annual $149.90 → $12.37 (12.36675); setup $10.00 → $0.83.
    expect(placed).toMatchObject({ subtotalCents: 21_980 /* $219.80 */, taxCents: 1_814 /* $18.14 */, totalCents: 23_794 /* $237.94 */ });
    expect(await db.invoiceLine.count({ where: { invoiceId: placed.invoiceId } })).toBe(3);
    expect(await db.service.count({ where: { clientId: placed.clientId } })).toBe(2);
  });

  it("charges no tax where no rule applies (billing country without a tax rule, outside the EU)", async () => {
    const placed = await placeOrder({
      input: buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], country: "JP", state: "Tokyo" }),
      now: NOW,
    });
    expect(placed).toMatchObject({ subtotalCents: 599 /* $5.99 */, taxCents: 0, totalCents: 599 /* $5.99 */ });
  });

  describe("refuses bad input and creates nothing", () => {
    const cases: { name: string; code: string; field: string; input: () => Parameters<typeof buildPlaceOrderInput>[0] }[] = [
      {
        name: "an invalid e-mail address",
        code: "INVALID_INPUT",
        field: "email",
        input: () => ({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], email: "not-an-email" }),
      },
      {
        name: "passwords that do not match",
        code: "INVALID_INPUT",
        field: "confirmPassword",
        input: () => ({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], confirmPassword: "something else" }),
      },
      {
        name: "Terms of Service not accepted",
        code: "INVALID_INPUT",
        field: "acceptTos",
        input: () => ({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], acceptTos: false as unknown as true }),
      },
      {
        name: "an unknown country code",
        code: "INVALID_INPUT",
        field: "country",
        input: () => ({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], country: "XX" }),
      },
      {
        name: "a tampered product ID",
        code: "PRODUCT_UNAVAILABLE",
        field: "items",
        input: () => ({ items: [{ productId: "cl_not_a_product", cycle: "MONTHLY" }] }),
      },
      {
        name: "a cycle the product is not offered in",
        code: "PRODUCT_UNAVAILABLE",
        field: "items",
        input: () => ({ items: [{ productId: catalog.comDomainId, cycle: "MONTHLY" }] }),
      },
      {
        name: "a cycle that does not exist",
        code: "INVALID_INPUT",
        field: "items",
        input: () => ({ items: [{ productId: catalog.starterId, cycle: "WEEKLY" as "MONTHLY" }] }),
      },
      {
        name: "one good item next to a tampered one",
        code: "PRODUCT_UNAVAILABLE",
        field: "items",
        input: () => ({
          items: [
            { productId: catalog.starterId, cycle: "MONTHLY" },
            { productId: catalog.businessId, cycle: "TRIENNIALLY" },
          ],
        }),
      },
      { name: "an empty cart", code: "INVALID_INPUT", field: "items", input: () => ({ items: [] }) },
    ];

    it.each(cases)("$name → $code on $field", async ({ code, field, input }) => {
      await expectAppError(placeOrder({ input: buildPlaceOrderInput(input()), now: NOW }), code, field);
      expect(await countCreatedRecords()).toEqual(NOTHING_CREATED);
      expect(await db.invoiceSequence.findUniqueOrThrow({ where: { name: "invoice" } })).toMatchObject({ next: 1 });
    });

    // NOTE: a hidden PRODUCT stays orderable through its direct link; a hidden group takes its products off sale.
    it("a product of a hidden group", async () => {
      await db.productGroup.update({ where: { slug: "shared-hosting" }, data: { isHidden: true } });
      await expectAppError(
        placeOrder({ input: buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] }), now: NOW }),
        "PRODUCT_UNAVAILABLE",
        "items",
      );
      expect(await countCreatedRecords()).toEqual(NOTHING_CREATED);
    });

    it("an e-mail that already has an account, in any letter case", async () => {
      await createClientWithOrder({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], email: "taken@example.com" });
      const before = await countCreatedRecords();

      await expectAppError(
        placeOrder({
          input: buildPlaceOrderInput({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], email: "Taken@Example.com" }),
          now: NOW,
        }),
        "EMAIL_TAKEN",
        "email",
      );
      expect(await countCreatedRecords()).toEqual(before);
    });

    it("the same new e-mail in two concurrent checkouts: one wins, the other gets EMAIL_TAKEN", async () => {
      const input = buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }], email: "race@example.com" });
      const results = await Promise.allSettled([placeOrder({ input, now: NOW }), placeOrder({ input, now: NOW })]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const [rejected] = results.filter((result) => result.status === "rejected");
      expect((rejected?.reason as AppError).code).toBe("EMAIL_TAKEN");
      expect(await db.client.count()).toBe(1);
      expect(await db.invoice.count()).toBe(1);
    });
  });

  it("runs inside a caller's transaction, and rolls back with it", async () => {
    const input = buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] });
    const rollback = new Error("caller rolls back");
    await expect(
      db.$transaction(async (tx) => {
        const placed = await placeOrder({ input, now: NOW }, tx);
        expect(placed.invoiceNumber).toBe("INV-000001");
        throw rollback;
        // NOTE: the password hash (scrypt, 128 MiB) runs inside this caller's transaction: allow for a busy machine.
      }, { timeout: 30_000 }),
    ).rejects.toBe(rollback);
    expect(await countCreatedRecords()).toEqual(NOTHING_CREATED);
    expect(await db.invoiceSequence.findUniqueOrThrow({ where: { name: "invoice" } })).toMatchObject({ next: 1 });
  });

  it("gives concurrent orders distinct, sequential invoice numbers", async () => {
    const ORDER_COUNT = 6;
    const placed = await Promise.all(
      Array.from({ length: ORDER_COUNT }, () =>
        placeOrder({ input: buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] }), now: NOW }),
      ),
    );
    const numbers = placed.map((order) => order.invoiceNumber).sort();
    expect(numbers).toEqual(["INV-000001", "INV-000002", "INV-000003", "INV-000004", "INV-000005", "INV-000006"]);
    expect(new Set(placed.map((order) => order.orderNumber)).size).toBe(ORDER_COUNT);
    expect(await db.invoiceSequence.findUniqueOrThrow({ where: { name: "invoice" } })).toMatchObject({ next: ORDER_COUNT + 1 });
  });
});
