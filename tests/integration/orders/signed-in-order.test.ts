import { beforeEach, describe, expect, it } from "vitest";
import type { TClientPrincipal } from "@/server/auth/principal";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";
import { callerFor } from "@/tests/support/trpc";
import { trpcErrorOf } from "@/tests/support/trpc-error";

// A signed-in client orders into its existing account: no contact entry, no new client; the account's currency,
// billing country and tax status price the order. Demo catalog: Starter $5.99 / month (€5.51 at 0.92).
let catalog: TSeededCatalog;
let alice: Awaited<ReturnType<typeof createClientWithOrder>>;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
  alice = await createClientWithOrder({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], firstName: "Alice" });
});


const starterOrder = () => ({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" as const }], paymentMethod: "BANK_TRANSFER" as const });


describe("ordering as a signed-in client", () => {
  it("adds the order, package and invoice to the existing account, priced with its billing country (US sales tax)", async () => {
    const caller = callerFor(alice.principal);
    const quoted = await caller.checkout.quoteForClient(starterOrder());
    expect(quoted).toMatchObject({ currency: "USD", subtotalCents: 599, taxCents: 49 /* 8.25 % of 5.99 */, totalCents: 648 });

    const clientsBefore = await db.client.count();
    const contactsBefore = await db.contact.count();
    const placed = await caller.checkout.placeOrderForClient({ ...starterOrder(), acceptTos: true });
    expect(placed).toMatchObject({ currency: "USD", totalCents: 648 });
    expect(await db.client.count()).toBe(clientsBefore);
    expect(await db.contact.count()).toBe(contactsBefore);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } });
    expect(invoice).toMatchObject({ clientId: alice.placed.clientId, status: "ISSUED", subtotalCents: 599, taxCents: 49, totalCents: 648 });
    expect(await db.service.count({ where: { clientId: alice.placed.clientId } })).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "order.placed", entityId: (await db.order.findFirstOrThrow({ where: { number: placed.orderNumber } })).id } });
    expect(audit).toMatchObject({ actorKind: "CONTACT", actorId: alice.principal.contactId });
  });

  it("uses the account's currency and country: a German consumer account in EUR pays German VAT on the converted price", async () => {
    await db.client.update({ where: { id: alice.placed.clientId }, data: { currency: "EUR", country: "DE", state: "" } });
    const placed = await callerFor(alice.principal).checkout.placeOrderForClient({ ...starterOrder(), acceptTos: true });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } });
    expect(invoice).toMatchObject({ currency: "EUR", subtotalCents: 551, taxCents: 105 /* 19 % of 5.51 = 1.0469 */, totalCents: 656 });
  });

  it("a client in a group with a discount gets a discount line per eligible line, rounded once and taxed like the line", async () => {
    const group = await db.clientGroup.create({ data: { name: "Resellers", discountBasisPoints: 1_250 } });
    await db.client.update({ where: { id: alice.placed.clientId }, data: { clientGroupId: group.id } });
    const business = { items: [{ productId: catalog.businessId, cycle: "MONTHLY" as const }], paymentMethod: "BANK_TRANSFER" as const };
    const quoted = await callerFor(alice.principal).checkout.quoteForClient(business);
    // Business $14.99 (12.5 % = 1.87375 → $1.87 off) + $10.00 setup fee (no group discount on setup fees).
    expect(quoted.items[0]!.lines.map((line) => [line.kind, line.description, line.amountCents])).toEqual([
      ["PRODUCT", "Business (Monthly)", 1_499],
      ["DISCOUNT", "Client group discount (Resellers, 12.5 %): Business (Monthly)", -187],
      ["SETUP_FEE", "Business Setup Fee", 1_000],
    ]);
    // Tax per line: 8.25 % of 14.99 = 1.2367 → 1.24, of -1.87 = -0.1543 → -0.15, of 10.00 = 0.825 → 0.83.
    expect(quoted).toMatchObject({ subtotalCents: 2_312, discountCents: 187, taxCents: 124 - 15 + 83, totalCents: 2_312 + 192 });
    const placed = await callerFor(alice.principal).checkout.placeOrderForClient({ ...business, acceptTos: true });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } })).toMatchObject({ subtotalCents: 2_312, taxCents: 192, totalCents: 2_504 });
  });

  it("an account that is not taxable pays no tax; a new-clients-only code is refused with its reason", async () => {
    await db.client.update({ where: { id: alice.placed.clientId }, data: { isTaxable: false } });
    const caller = callerFor(alice.principal);
    expect(await caller.checkout.quoteForClient(starterOrder())).toMatchObject({ taxCents: 0, totalCents: 599 });
    const refused = await trpcErrorOf(caller.checkout.quoteForClient({ ...starterOrder(), promoCode: "WELCOME10" }));
    expect(refused.cause?.details?.fieldErrors?.promoCode).toEqual(["This code is only for new clients."]);
  });

  it("needs the billing permission: a contact without it is refused and nothing is written; one with it orders for the account", async () => {
    const caller = callerFor(alice.principal);
    const contactFields = { lastName: "Contact", address1: "2 Side St", city: "Austin", state: "TX", zip: "73301", country: "US", phone: "+1 512 555 0100" };
    const { contactId: techId } = await caller.clientArea.addContact({ ...contactFields, firstName: "Tech", email: "tech@example.com", permissions: ["services"], emailActions: [] });
    const { contactId: billId } = await caller.clientArea.addContact({ ...contactFields, firstName: "Bill", email: "bill@example.com", permissions: ["billing"], emailActions: ["invoices"] });
    const as = (contactId: string): TClientPrincipal => ({ kind: "client", clientId: alice.placed.clientId, contactId, name: "x" });

    const before = await databaseFingerprint();
    expect((await trpcErrorOf(callerFor(as(techId)).checkout.placeOrderForClient({ ...starterOrder(), acceptTos: true }))).code).toBe("FORBIDDEN");
    expect(await databaseFingerprint()).toEqual(before);

    const placed = await callerFor(as(billId)).checkout.placeOrderForClient({ ...starterOrder(), acceptTos: true });
    // The invoice mail goes to the contacts who ticked "Invoices" (the checkout's primary contact has every
    // action; Tech has none); the order confirmation ("General") to the primary contact alone.
    const mails = await db.outboxMail.findMany({ where: { clientId: alice.placed.clientId, createdAt: { gte: new Date(0) } }, orderBy: { createdAt: "asc" } });
    const invoiceMail = mails.find((mail) => mail.dedupeKey === `invoice-created:${placed.invoiceId}`);
    expect(invoiceMail?.to).toBe(`${alice.input.email.toLowerCase()}, bill@example.com`);
    const confirmation = mails.find((mail) => mail.template === "order-confirmation" && mail.subject.includes(String(placed.orderNumber)));
    expect(confirmation?.to).toBe(alice.input.email.toLowerCase());
  });

  it("refuses a missing Terms of Service acceptance and an unknown product, changing nothing (but the rate-limit counter)", async () => {
    const caller = callerFor(alice.principal);
    const withoutRateLimits = async () => {
      const { rate_limit: _counted, ...rest } = await databaseFingerprint();
      return rest;
    };
    const before = await withoutRateLimits();
    expect((await trpcErrorOf(caller.checkout.placeOrderForClient({ ...starterOrder(), acceptTos: false as never }))).code).toBe("BAD_REQUEST");
    const unknown = await trpcErrorOf(caller.checkout.placeOrderForClient({ ...starterOrder(), items: [{ productId: "no-such-product", cycle: "MONTHLY" }], acceptTos: true }));
    expect(unknown.cause?.details?.fieldErrors?.items?.[0]).toBeTruthy();
    expect(await withoutRateLimits()).toEqual(before);
  });
});
