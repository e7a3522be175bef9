import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALL_CONTACT_PERMISSIONS, type TContactPermission } from "@/lib/contact-options";
import { signInWithPassword } from "@/server/auth/authenticate";
import type { TClientPrincipal } from "@/server/auth/principal";
import { mailRecipients } from "@/server/clients/mail-recipients";
import type { TAddContactInput } from "@/server/clients/contacts.schemas";
import { db } from "@/server/db";
import { queueWelcomeMail } from "@/server/services/queue-welcome-mail";
import { appRouter } from "@/server/trpc/root";
import { resetDatabase } from "@/tests/db";
import { seedCatalog, type TSeededCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";
import { callerFor } from "@/tests/support/trpc";
import { trpcErrorOf } from "@/tests/support/trpc-error";

let catalog: TSeededCatalog;
let alice: Awaited<ReturnType<typeof createClientWithOrder>>;

beforeEach(async () => {
  await resetDatabase();
  catalog = await seedCatalog();
  alice = await createClientWithOrder({ items: [{ productId: catalog.businessId, cycle: "MONTHLY" }], firstName: "Alice" });
});

let sequence = 0;
const contactInput = (overrides: Partial<TAddContactInput> = {}): TAddContactInput => {
  sequence += 1;
  return {
    firstName: "Carol", lastName: `Contact${sequence}`, email: `carol${sequence}@example.com`, address1: "2 Side St", city: "Austin", state: "TX",
    zip: "73301", country: "US", phone: "+1 512 555 0100", permissions: [], emailActions: [], ...overrides,
  };
};

/** A secondary contact of Alice's account holding `permissions`, signed in as itself. */
const secondaryWith = async (permissions: TContactPermission[]): Promise<TClientPrincipal> => {
  const { contactId } = await callerFor(alice.principal).clientArea.addContact(contactInput({ permissions }));
  return { kind: "client", clientId: alice.placed.clientId, contactId, name: "Carol" };
};


describe("client area contacts", () => {
  it("adds a contact who signs in with a user name, edits it, and removes it; the primary contact cannot be removed", async () => {
    const caller = callerFor(alice.principal);
    const { contactId } = await caller.clientArea.addContact(
      contactInput({ email: "Bob@Example.com", username: "bob.billing", password: "correct-horse-battery", confirmPassword: "correct-horse-battery", permissions: ["billing"], emailActions: ["invoices"] }),
    );
    const signedIn = await signInWithPassword({ kind: "client", email: "bob.billing", password: "correct-horse-battery", ip: "test", now: new Date() });
    expect(signedIn).toMatchObject({ status: "signed-in", principal: { contactId, clientId: alice.placed.clientId } });

    const listed = await caller.clientArea.listContacts();
    expect(listed.map((contact) => [contact.email, contact.isPrimary, contact.permissions])).toEqual([
      [alice.input.email.toLowerCase(), true, ALL_CONTACT_PERMISSIONS],
      ["bob@example.com", false, ["billing"]],
    ]);

    const before = await db.contact.findUniqueOrThrow({ where: { id: contactId } });
    await caller.clientArea.updateContact({ ...contactInput({ email: "bob@example.com", username: "bob.billing", permissions: ["billing", "services"] }), firstName: "Robert", contactId });
    const after = await db.contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(after).toMatchObject({ firstName: "Robert", permissions: ["billing", "services"], passwordHash: before.passwordHash, sessionVersion: before.sessionVersion });
    await caller.clientArea.updateContact({ ...contactInput({ email: "bob@example.com", password: "another-long-secret", confirmPassword: "another-long-secret" }), contactId });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contactId } })).sessionVersion).toBe(before.sessionVersion + 1);

    // The primary contact keeps every permission whatever the form sends, and cannot be removed.
    await caller.clientArea.updateContact({ ...contactInput({ email: alice.input.email, permissions: [] }), contactId: alice.principal.contactId });
    expect((await db.contact.findUniqueOrThrow({ where: { id: alice.principal.contactId } })).permissions).toEqual(ALL_CONTACT_PERMISSIONS);
    const fingerprint = await databaseFingerprint();
    expect((await trpcErrorOf(caller.clientArea.removeContact({ contactId: alice.principal.contactId }))).code).toBe("PRECONDITION_FAILED");
    expect(await databaseFingerprint()).toEqual(fingerprint);

    await caller.clientArea.removeContact({ contactId });
    expect(await db.contact.count({ where: { clientId: alice.placed.clientId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: { in: ["contact.created", "contact.updated", "contact.removed"] } } })).toBe(5);
  });

  it("refuses bad input and taken e-mails or user names with field errors, changing nothing", async () => {
    const caller = callerFor(alice.principal);
    await caller.clientArea.addContact(contactInput({ email: "taken@example.com", username: "taken" }));
    const fingerprint = await databaseFingerprint();
    const cases: [Partial<TAddContactInput>, string][] = [
      [{ email: alice.input.email.toUpperCase() }, "email"],
      [{ username: "TAKEN" }, "username"],
      [{ password: "long-enough-pass", confirmPassword: "different-pass" }, "confirmPassword"],
      [{ state: "DE", county: "" }, "county"],
      [{ permissions: ["admin" as TContactPermission] }, "permissions"],
    ];
    for (const [change, field] of cases) {
      const error = await trpcErrorOf(caller.clientArea.addContact(contactInput(change)));
      expect(JSON.stringify(error.cause)).toContain(field);
    }
    expect(await databaseFingerprint()).toEqual(fingerprint);
  });

  it("answers NOT_FOUND for another account's contact and changes nothing", async () => {
    const bob = await createClientWithOrder({ items: [{ productId: catalog.starterId, cycle: "ANNUALLY" }], firstName: "Bob" });
    const fingerprint = await databaseFingerprint();
    const caller = callerFor(alice.principal);
    expect((await trpcErrorOf(caller.clientArea.removeContact({ contactId: bob.principal.contactId }))).code).toBe("NOT_FOUND");
    expect((await trpcErrorOf(caller.clientArea.updateContact({ ...contactInput(), contactId: bob.principal.contactId }))).code).toBe("NOT_FOUND");
    expect(await databaseFingerprint()).toEqual(fingerprint);
  });
});

/** Every client-area procedure, the contact permission it needs and a valid input. */
const MATRIX: Record<string, { permission: TContactPermission; input: () => Promise<unknown> | unknown }> = {
  dashboard: { permission: "account", input: () => undefined },
  listInvoices: { permission: "billing", input: () => ({}) },
  getInvoice: { permission: "billing", input: () => ({ invoiceId: alice.placed.invoiceId }) },
  listPackages: { permission: "services", input: () => undefined },
  getPackage: { permission: "services", input: async () => ({ packageId: (await db.service.findFirstOrThrow({ where: { clientId: alice.placed.clientId } })).id }) },
  listContacts: { permission: "contacts", input: () => undefined },
  addContact: { permission: "contacts", input: () => contactInput() },
  updateContact: { permission: "contacts", input: () => ({ ...contactInput({ email: alice.input.email }), contactId: alice.principal.contactId }) },
  updateTaxId: { permission: "account", input: () => ({ taxId: "EIN 12-3456789" }) },
  removeContact: { permission: "contacts", input: async () => ({ contactId: (await callerFor(alice.principal).clientArea.addContact(contactInput())).contactId }) },
};

describe("contact permission matrix", () => {
  beforeAll(() => {
    // A new client-area procedure must be added to the matrix (and so declare its permission).
    const clientProcedures = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("clientArea.")).map((path) => path.slice("clientArea.".length));
    expect(clientProcedures.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(ALL_CONTACT_PERMISSIONS)("without %s: FORBIDDEN and nothing changed on each procedure needing it; allowed with only it", async (permission) => {
    const without = await secondaryWith(ALL_CONTACT_PERMISSIONS.filter((other) => other !== permission));
    const only = await secondaryWith([permission]);
    for (const [name, entry] of Object.entries(MATRIX)) {
      const call = (principal: TClientPrincipal, input: unknown) =>
        (callerFor(principal).clientArea as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name]!(input);
      const input = await entry.input();
      if (entry.permission === permission) {
        const fingerprint = await databaseFingerprint();
        expect((await trpcErrorOf(call(without, input))).code, `${name} without ${permission}`).toBe("FORBIDDEN");
        expect(await databaseFingerprint(), `${name} changed something`).toEqual(fingerprint);
        await expect(call(only, input), `${name} with only ${permission}`).resolves.not.toThrow();
      } else {
        expect((await trpcErrorOf(call(only, input))).code, `${name} with only ${permission}`).toBe("FORBIDDEN");
      }
    }
  });

  it("the primary contact may call everything", async () => {
    for (const [name, entry] of Object.entries(MATRIX)) {
      const procedure = (callerFor(alice.principal).clientArea as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name]!;
      await expect(procedure(await entry.input()), name).resolves.not.toThrow();
    }
  });
});

describe("mail recipients by e-mail action", () => {
  it("picks the contacts who ticked the action, else the primary contact; the welcome mail goes to them", async () => {
    const clientId = alice.placed.clientId;
    await db.contact.update({ where: { id: alice.principal.contactId }, data: { emailActions: ["invoices"] } });
    expect((await mailRecipients({ clientId, action: "services" })).map((recipient) => recipient.email)).toEqual([alice.input.email.toLowerCase()]);

    const caller = callerFor(alice.principal);
    await caller.clientArea.addContact(contactInput({ email: "tech@example.com", emailActions: ["services", "domains"] }));
    await caller.clientArea.addContact(contactInput({ email: "ops@example.com", emailActions: ["services"] }));
    await caller.clientArea.addContact(contactInput({ email: "money@example.com", emailActions: ["invoices"] }));
    expect((await mailRecipients({ clientId, action: "services" })).map((recipient) => recipient.email)).toEqual(["tech@example.com", "ops@example.com"]);
    expect((await mailRecipients({ clientId, action: "invoices" })).map((recipient) => recipient.email)).toEqual([alice.input.email.toLowerCase(), "money@example.com"]);
    expect((await mailRecipients({ clientId, action: "domains" })).map((recipient) => recipient.email)).toEqual(["tech@example.com"]);

    const service = await db.service.findFirstOrThrow({ where: { clientId } });
    expect(await queueWelcomeMail({ serviceId: service.id, now: new Date() })).toEqual({ outcome: "QUEUED" });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { template: "welcome" } });
    expect(mail.to).toBe("tech@example.com, ops@example.com");
    expect(mail.text).toContain("Dear Carol,");
  });

  it("gives checkout's new primary contact every e-mail action and permission", async () => {
    expect(await db.contact.findUniqueOrThrow({ where: { id: alice.principal.contactId } })).toMatchObject({
      emailActions: ["general", "invoices", "services", "domains", "support"], permissions: ALL_CONTACT_PERMISSIONS,
    });
  });
});
