import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";
import { callerFor } from "@/tests/support/trpc";
import { trpcErrorOf } from "@/tests/support/trpc-error";

// Account credit: staff add it ("Add Credit"), a signed-in client pays an order with it ("Account Credit"). The
// ledger and the balance move together, the invoice is paid at once (provisioning starts), and the balance never
// goes below zero, not even for two orders racing for the same credit. Starter: $5.99 + 8.25 % TX tax = $6.48.
let catalog: TSeededCatalog;
let alice: Awaited<ReturnType<typeof createClientWithOrder>>;
let staff: Awaited<ReturnType<typeof createStaffFixture>>;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
  alice = await createClientWithOrder({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], firstName: "Alice" });
  staff = await createStaffFixture();
});

const starter = () => ({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" as const }], paymentMethod: "ACCOUNT_CREDIT" as const });
const balanceOf = async (clientId: string) => (await db.client.findUniqueOrThrow({ where: { id: clientId }, select: { creditBalanceCents: true } })).creditBalanceCents;
const ledgerSum = async (clientId: string) => (await db.creditEntry.aggregate({ where: { clientId }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;

describe("account credit", () => {
  it("staff add credit: a ledger entry, the balance and an audit entry; bad input changes nothing", async () => {
    const added = await callerFor(staff.principal).billingAdmin.addCredit({ clientId: alice.placed.clientId, amountCents: 1_000, description: "Prepayment" });
    expect(added).toMatchObject({ currency: "USD", creditBalanceCents: 1_000 });
    expect(await db.creditEntry.findMany({ where: { clientId: alice.placed.clientId } })).toMatchObject([{ kind: "ADDED", amountCents: 1_000, currency: "USD", description: "Prepayment", createdById: staff.staff.id }]);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "client.credit-added" } })).toMatchObject({ entityId: alice.placed.clientId, actorId: staff.staff.id });

    const before = await databaseFingerprint();
    for (const bad of [{ amountCents: 0 }, { amountCents: -500 }, { amountCents: 10.5 }, { description: "   " }]) {
      const error = await trpcErrorOf(callerFor(staff.principal).billingAdmin.addCredit({ clientId: alice.placed.clientId, amountCents: 1_000, description: "x", ...bad }));
      expect(error.code, JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("a client pays an order with Account Credit: the invoice is paid in full, the credit spent, provisioning announced", async () => {
    await callerFor(staff.principal).billingAdmin.addCredit({ clientId: alice.placed.clientId, amountCents: 1_000, description: "Goodwill" });
    const caller = callerFor(alice.principal);
    expect(await caller.checkout.quoteForClient(starter())).toMatchObject({ totalCents: 648 });
    const placed = await caller.checkout.placeOrderForClient({ ...starter(), acceptTos: true });
    expect(placed).toMatchObject({ totalCents: 648, paymentMethod: "ACCOUNT_CREDIT", isPaid: true });

    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId }, include: { payments: true } });
    expect(invoice).toMatchObject({ status: "ISSUED", paymentStatus: "PAID", paidCents: 648 });
    expect(invoice.payments).toMatchObject([{ method: "ACCOUNT_CREDIT", amountCents: 648, transactionId: `credit:${invoice.id}`, recordedById: null }]);
    expect(await db.order.findFirstOrThrow({ where: { number: placed.orderNumber } })).toMatchObject({ status: "ACTIVE", paymentMethod: "ACCOUNT_CREDIT" });
    expect(await db.creditEntry.findUniqueOrThrow({ where: { invoiceId: invoice.id } })).toMatchObject({ kind: "APPLIED", amountCents: -648 });
    expect(await balanceOf(alice.placed.clientId)).toBe(352);
    expect(await ledgerSum(alice.placed.clientId)).toBe(352);
    expect(await db.inngestEvent.findMany({ where: { name: "billing/invoice.paid" }, select: { data: true } })).toEqual([{ data: { invoiceId: invoice.id } }]);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { template: "invoice-created", dedupeKey: `invoice-created:${invoice.id}` } });
    expect(mail.text).toContain("paid in full from your account credit");
  });

  it("credit that does not cover the total is refused at Continue and at Place Order, and nothing is written", async () => {
    await callerFor(staff.principal).billingAdmin.addCredit({ clientId: alice.placed.clientId, amountCents: 647, description: "Almost" });
    const caller = callerFor(alice.principal);
    // Everything but the rate limit's counters (ordering is rate-limited per contact).
    const fingerprint = async () => {
      const { rate_limit: _counted, ...rest } = await databaseFingerprint();
      return rest;
    };
    const before = await fingerprint();
    for (const attempt of [caller.checkout.quoteForClient(starter()), caller.checkout.placeOrderForClient({ ...starter(), acceptTos: true })]) {
      const error = await trpcErrorOf(attempt);
      expect(error.code).toBe("PRECONDITION_FAILED");
      expect(error.cause?.details?.fieldErrors?.paymentMethod).toEqual(["Your account credit of $6.47 does not cover the total of $6.48. Choose Bank Transfer."]);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("two orders racing for credit that pays one: exactly one is placed, the balance never goes below zero", async () => {
    await callerFor(staff.principal).billingAdmin.addCredit({ clientId: alice.placed.clientId, amountCents: 1_000, description: "One order" });
    const caller = callerFor(alice.principal);
    const results = await Promise.allSettled([0, 1, 2].map(() => caller.checkout.placeOrderForClient({ ...starter(), acceptTos: true })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await balanceOf(alice.placed.clientId)).toBe(352);
    expect(await ledgerSum(alice.placed.clientId)).toBe(352);
    expect(await db.payment.count({ where: { method: "ACCOUNT_CREDIT" } })).toBe(1);
  });

  it("a guest checkout cannot choose Account Credit (a new account holds none)", async () => {
    const error = await trpcErrorOf(callerFor(null).checkout.quote({ ...starter(), firstName: "G", lastName: "Uest", email: "g@example.com", address1: "1 St", city: "Austin", state: "TX", zip: "73301", country: "US", phone: "+1 512 555 0100" } as never));
    expect(error.code).toBe("BAD_REQUEST");
  });
});
