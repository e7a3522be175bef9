import { beforeEach, describe, expect, it } from "vitest";
import { recordPayment } from "@/server/billing/payments/record-payment";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createIssuedInvoiceFixture, createStaffFixture } from "@/tests/factories/billing-fixtures";
import { resetDatabase } from "@/tests/db";
import { callerFor } from "@/tests/support/trpc";

const NOW = new Date("2026-01-10T12:00:00Z");
const RECEIVED_AT = new Date("2026-01-09T00:00:00Z");

const paidEvents = () => db.inngestEvent.findMany({ where: { name: "billing/invoice.paid" } });

const rejectionOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe("recordPayment", () => {
  beforeEach(resetDatabase);

  it("pays an invoice in full to the exact cent: PAID, paidAt, order ACTIVE, audit entry and the paid event, together", async () => {
    const { invoice, order } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 1_499 /* $14.99 */ }], taxCents: 124 /* $1.24 */ });
    const { staff } = await createStaffFixture();

    const result = await recordPayment({
      invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: "BANK-REF-001", amountCents: 1_623 /* $16.23 */,
      receivedAt: RECEIVED_AT, staffId: staff.id, now: NOW,
    });

    expect(result).toMatchObject({ paymentStatus: "PAID", paidCents: 1_623, balanceCents: 0 });
    const stored = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { payments: true } });
    expect(stored).toMatchObject({ paymentStatus: "PAID", paidCents: 1_623, totalCents: 1_623, paidAt: NOW });
    expect(stored.payments).toMatchObject([
      { method: "BANK_TRANSFER", transactionId: "BANK-REF-001", amountCents: 1_623, currency: "USD", receivedAt: RECEIVED_AT, recordedById: staff.id },
    ]);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "ACTIVE" });
    expect(await db.auditLog.findMany({ where: { entityType: "Invoice", entityId: invoice.id } })).toMatchObject([
      {
        action: "invoice.payment-recorded", actorKind: "STAFF", actorId: staff.id, staffId: staff.id, actorLabel: `${staff.name} <${staff.email}>`,
        before: { paidCents: 0, paymentStatus: "UNPAID" }, after: { paidCents: 1_623, paymentStatus: "PAID", paidAt: NOW.toISOString() },
        details: { amountCents: 1_623, transactionId: "BANK-REF-001" },
      },
    ]);
    expect(await paidEvents()).toMatchObject([{ externalId: `invoice-paid-${invoice.id}`, data: { invoiceId: invoice.id } }]);
  });

  it("records a partial payment as PARTIALLY_PAID and the remainder as PAID", async () => {
    const { invoice, order } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 10_000 /* $100.00 */ }] });
    const { staff } = await createStaffFixture();
    const pay = (transactionId: string, amountCents: number) =>
      recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId, amountCents, receivedAt: RECEIVED_AT, staffId: staff.id, now: NOW });

    expect(await pay("PART-1", 3_333 /* $33.33 */)).toMatchObject({ paymentStatus: "PARTIALLY_PAID", paidCents: 3_333, balanceCents: 6_667 });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ paymentStatus: "PARTIALLY_PAID", paidCents: 3_333, paidAt: null });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PENDING" });
    expect(await paidEvents()).toHaveLength(0);

    expect(await pay("PART-2", 6_667 /* $66.67 */)).toMatchObject({ paymentStatus: "PAID", paidCents: 10_000, balanceCents: 0 });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "ACTIVE" });
    expect(await paidEvents()).toHaveLength(1);
  });

  it("refuses a payment on a paid invoice with a clear message and changes nothing", async () => {
    const { invoice } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 599 }] });
    const { staff } = await createStaffFixture();
    await recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: "FULL-1", amountCents: 599, receivedAt: RECEIVED_AT, staffId: staff.id, now: NOW });

    const error = await rejectionOf(
      recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: "FULL-2", amountCents: 1, receivedAt: RECEIVED_AT, staffId: staff.id, now: NOW }),
    );
    expect(error.code).toBe("INVOICE_ALREADY_PAID");
    expect(error.details.userMessage).toBe("This invoice is already paid in full. No payment was added.");
    expect(await db.payment.count()).toBe(1);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ paidCents: 599 });
  });

  it("never counts the same transaction ID twice, sequentially or concurrently", async () => {
    const { invoice } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 5_000 /* $50.00 */ }] });
    const { staff } = await createStaffFixture();
    const pay = (amountCents: number) =>
      recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: "DUP-7", amountCents, receivedAt: RECEIVED_AT, staffId: staff.id, now: NOW });

    await pay(1_000);
    const error = await rejectionOf(pay(1_000));
    expect(error.code).toBe("DUPLICATE_PAYMENT");
    expect(error.details.fieldErrors).toEqual({ transactionId: ["This transaction ID was already recorded."] });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ paidCents: 1_000, paymentStatus: "PARTIALLY_PAID" });

    // Two requests racing with one new transaction ID for the rest of the balance: one wins, the invoice is paid once.
    const race = (amountCents: number) =>
      recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: "RACE-1", amountCents, receivedAt: RECEIVED_AT, staffId: staff.id, now: NOW });
    const results = await Promise.allSettled([race(4_000), race(4_000)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(["DUPLICATE_PAYMENT", "INVOICE_ALREADY_PAID", "INVALID_STATE_TRANSITION"]).toContain((rejected!.reason as AppError).code);
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(2);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ paidCents: 5_000, paymentStatus: "PAID" });
    expect(await paidEvents()).toHaveLength(1);
  });

  it.each([
    { amountCents: 600, message: "The amount cannot be more than the balance due of $5.99." },
    { amountCents: 0, message: "Enter an amount greater than zero." },
    { amountCents: -100, message: "Enter an amount greater than zero." },
  ])("refuses $amountCents cents against the balance due with a field error", async ({ amountCents, message }) => {
    const { invoice } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 599 }] });
    const { staff } = await createStaffFixture();
    const error = await rejectionOf(
      recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: "TOO-MUCH", amountCents, receivedAt: RECEIVED_AT, staffId: staff.id, now: NOW }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.details.fieldErrors).toEqual({ amountCents: [message] });
    expect(await db.payment.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    expect(await paidEvents()).toHaveLength(0);
  });

  it("refuses a draft or void invoice", async () => {
    const { invoice } = await createIssuedInvoiceFixture();
    const { staff } = await createStaffFixture();
    await db.invoice.update({ where: { id: invoice.id }, data: { status: "VOID" } });
    const error = await rejectionOf(
      recordPayment({ invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: "VOID-1", amountCents: 100, receivedAt: RECEIVED_AT, staffId: staff.id, now: NOW }),
    );
    expect(error.code).toBe("INVALID_STATE_TRANSITION");
    expect(await db.payment.count()).toBe(0);
  });
});

describe("billingAdmin.addPayment", () => {
  beforeEach(resetDatabase);

  it("records a payment for staff and returns the new status", async () => {
    const { invoice } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 599 }] });
    const { principal } = await createStaffFixture();
    const result = await callerFor(principal).billingAdmin.addPayment({
      invoiceId: invoice.id, amountCents: 599, receivedOn: "2026-01-02", transactionId: "  TRPC-1  ",
    });
    expect(result).toMatchObject({ paymentStatus: "PAID", balanceCents: 0 });
    expect(await db.payment.findFirstOrThrow()).toMatchObject({ transactionId: "TRPC-1", receivedAt: new Date("2026-01-02T00:00:00Z") });
  });

  it("answers FORBIDDEN to a client principal and records nothing", async () => {
    const { invoice, clientPrincipal } = await createIssuedInvoiceFixture();
    await expect(
      callerFor(clientPrincipal).billingAdmin.addPayment({ invoiceId: invoice.id, amountCents: 599, receivedOn: "2026-01-02", transactionId: "X-1" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).billingAdmin.listInvoices({ filter: "all" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.payment.count()).toBe(0);
  });

  it("maps business errors to tRPC codes with the user message", async () => {
    const { invoice } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 599 }] });
    const { principal } = await createStaffFixture();
    await expect(
      callerFor(principal).billingAdmin.addPayment({ invoiceId: invoice.id, amountCents: 700, receivedOn: "2026-01-02", transactionId: "X-2" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The amount cannot be more than the balance due of $5.99." });
    await expect(
      callerFor(principal).billingAdmin.addPayment({ invoiceId: invoice.id, amountCents: 100, receivedOn: "not-a-date", transactionId: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
