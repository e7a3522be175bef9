import { beforeEach, describe, expect, it } from "vitest";
import { ALL_CONTACT_PERMISSIONS } from "@/lib/contact-options";
import type { TStaffPrincipal } from "@/server/auth/principal";
import { signInWithPassword } from "@/server/auth/authenticate";
import { verifyPassword } from "@/server/auth/password";
import type { TAddClientInput } from "@/server/clients/add-client.schemas";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { databaseFingerprint } from "@/tests/support/db-fingerprint";
import { callerFor } from "@/tests/support/trpc";
import { trpcErrorOf } from "@/tests/support/trpc-error";

let staff: TStaffPrincipal;

beforeEach(async () => {
  await resetDatabase();
  staff = (await createStaffFixture()).principal;
});

const VALID: TAddClientInput = {
  companyName: "Initech",
  brand: "",
  clientGroupId: "",
  status: "ACTIVE",
  billingDay: "15",
  billingCountry: "US",
  isTaxable: false,
  taxId: "EIN 12-3456789",
  company: "Initech",
  firstName: "Peter",
  lastName: "Gibbons",
  email: "Peter@Initech.example",
  address1: "1 Office Park",
  address2: "Suite 300",
  city: "Wilmington",
  state: "de",
  county: "New Castle",
  zip: "19801",
  country: "US",
  phone: "+1 302 555 0100",
  phone2: "",
  fax: "+1 302 555 0101",
  mobile: "",
  username: "PGibbons",
  password: "tps-reports-forever",
  confirmPassword: "tps-reports-forever",
  language: "en",
  emailFormat: "TEXT",
  emailActions: ["invoices", "support"],
};


describe("Clients → Add New Client", () => {
  it("creates the client and its primary contact together, audited, and the contact signs in with its user name", async () => {
    const group = await callerFor(staff).adminClients.createGroup({ name: "Resellers", discountPercent: "12.5" });
    const { clientId, clientNumber } = await callerFor(staff).adminClients.add({ ...VALID, clientGroupId: group.clientGroupId });

    const client = await db.client.findUniqueOrThrow({ where: { id: clientId }, include: { contacts: true } });
    expect(client).toMatchObject({
      number: clientNumber, companyName: "Initech", status: "ACTIVE", billingDay: 15, country: "US", state: "DE",
      isTaxable: false, taxId: "EIN 12-3456789", clientGroupId: group.clientGroupId, currency: "USD",
    });
    const [contact] = client.contacts;
    expect(contact).toMatchObject({
      isPrimary: true, email: "peter@initech.example", username: "pgibbons", state: "DE", county: "New Castle", fax: "+1 302 555 0101",
      emailFormat: "TEXT", emailActions: ["invoices", "support"], permissions: ALL_CONTACT_PERMISSIONS,
    });
    expect(await verifyPassword("tps-reports-forever", contact!.passwordHash!)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "client.created", entityId: clientId } });
    expect(audit.actorId).toBe(staff.staffId);
    for (const identifier of ["PGibbons", "peter@initech.example"]) {
      const result = await signInWithPassword({ kind: "client", email: identifier, password: "tps-reports-forever", ip: "test", now: new Date() });
      expect(result).toMatchObject({ status: "signed-in", principal: { kind: "client", clientId, contactId: contact!.id } });
    }
  });

  it("stores the Default Theme chosen as the client's brand; none chosen is the default brand; a removed brand is a field error", async () => {
    await db.brand.create({ data: { name: "Hostlane", isDefault: true } });
    const other = await db.brand.create({ data: { name: "Budget Hosting" } });
    const branded = await callerFor(staff).adminClients.add({ ...VALID, brand: other.id });
    expect(await db.client.findUniqueOrThrow({ where: { id: branded.clientId }, select: { brandId: true } })).toEqual({ brandId: other.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "client.created", entityId: branded.clientId } });
    expect(audit.after).toMatchObject({ brandId: other.id });

    const unbranded = await callerFor(staff).adminClients.add({ ...VALID, email: "milton@initech.example", username: "milton" });
    expect(await db.client.findUniqueOrThrow({ where: { id: unbranded.clientId }, select: { brandId: true } })).toEqual({ brandId: null });

    const before = await databaseFingerprint();
    for (const call of [
      callerFor(staff).adminClients.checkClientStep({ billingCountry: "US", brand: "gone" }),
      callerFor(staff).adminClients.add({ ...VALID, email: "bob@initech.example", username: "bob", brand: "gone" }),
    ]) {
      const error = await trpcErrorOf(call);
      expect(error.cause?.details?.fieldErrors).toEqual({ brand: ["This theme no longer exists. Choose another."] });
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("obeys the system-wide billing day, stores no county outside the US lists and no password when none is given", async () => {
    const { clientId } = await callerFor(staff).adminClients.add({
      ...VALID, billingDay: "", state: "Noord-Holland", county: "ignored", country: "NL", billingCountry: "NL", username: "", password: "", confirmPassword: "",
    });
    const client = await db.client.findUniqueOrThrow({ where: { id: clientId }, include: { contacts: true } });
    expect(client.billingDay).toBeNull();
    expect(client.contacts[0]).toMatchObject({ county: "", username: null, passwordHash: null, state: "Noord-Holland" });
  });

  it.each([
    ["a missing first name", { firstName: " " }, "firstName"],
    ["a bad e-mail", { email: "not-an-email" }, "email"],
    ["an unknown country", { country: "XX" }, "country"],
    ["an unknown billing country", { billingCountry: "ZZ" }, "billingCountry"],
    ["a billing day of 31", { billingDay: "31" }, "billingDay"],
    ["a US state without county", { county: "" }, "county"],
    ["a county of another state", { county: "Honolulu" }, "county"],
    ["mismatched passwords", { confirmPassword: "something-else-entirely" }, "confirmPassword"],
    ["a short password", { password: "short", confirmPassword: "short" }, "password"],
    ["a user name with @", { username: "peter@initech" }, "username"],
    ["a bad phone", { phone: "call me" }, "phone"],
    ["an unknown e-mail action", { emailActions: ["everything"] }, "emailActions"],
    ["an unknown theme", { brand: "other" }, "brand"],
  ] as const)("refuses %s with a field error and changes nothing", async (_name, change, field) => {
    const before = await databaseFingerprint();
    const error = await trpcErrorOf(callerFor(staff).adminClients.add({ ...VALID, ...change } as TAddClientInput));
    expect(error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toContain(field);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses a client group that does not exist, on the first screen and at the end", async () => {
    const before = await databaseFingerprint();
    for (const call of [
      callerFor(staff).adminClients.checkClientStep({ billingCountry: "US", clientGroupId: "gone" }),
      callerFor(staff).adminClients.add({ ...VALID, clientGroupId: "gone" }),
    ]) {
      const error = await trpcErrorOf(call);
      expect(error.cause?.details?.fieldErrors).toEqual({ clientGroupId: ["This client group no longer exists. Choose another."] });
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses a taken e-mail or user name with a field error and changes nothing", async () => {
    await callerFor(staff).adminClients.add(VALID);
    const before = await databaseFingerprint();
    const email = await trpcErrorOf(callerFor(staff).adminClients.add({ ...VALID, username: "someone-else" }));
    expect(email.code).toBe("CONFLICT");
    expect(email.cause?.details?.fieldErrors).toEqual({ email: ["A contact with this e-mail address already exists."] });
    const username = await trpcErrorOf(callerFor(staff).adminClients.add({ ...VALID, email: "other@initech.example", username: "PGIBBONS" }));
    expect(username.cause?.details?.fieldErrors).toEqual({ username: ["This user name is already taken."] });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("lets exactly one of two concurrent requests with the same e-mail through; the other gets the field error", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, index) => callerFor(staff).adminClients.add({ ...VALID, username: `racer${index}`, companyName: `Racer ${index}` })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((entry) => entry.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason.cause?.details?.fieldErrors).toEqual({ email: ["A contact with this e-mail address already exists."] });
    }
    expect(await db.client.count()).toBe(1);
    expect(await db.contact.count()).toBe(1);
  });

  it("is refused to staff without clients.write", async () => {
    const billing = (await createStaffFixture({ roleIds: ["role_billing"] })).principal;
    const before = await databaseFingerprint();
    expect((await trpcErrorOf(callerFor(billing).adminClients.add(VALID))).code).toBe("FORBIDDEN");
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("Clients list and client groups", () => {
  it("filters by status and group, searches, pages, and clientGroupDiscount reads the group's basis points", async () => {
    const caller = callerFor(staff);
    const { clientGroupId } = await caller.adminClients.createGroup({ name: "Resellers", discountPercent: "12.5" });
    const reseller = await caller.adminClients.add({ ...VALID, clientGroupId });
    await caller.adminClients.add({ ...VALID, companyName: "Umbrella", company: "Umbrella", email: "a@umbrella.example", username: "", status: "INACTIVE" });

    expect((await caller.admin.listClients({ clientGroupId })).rows.map((row) => row.id)).toEqual([reseller.clientId]);
    expect((await caller.admin.listClients({ status: "INACTIVE" })).rows.map((row) => row.name)).toEqual(["Umbrella"]);
    expect((await caller.admin.listClients({ search: "umbrella.example" })).rows.map((row) => row.name)).toEqual(["Umbrella"]);
    expect(await caller.admin.listClients({ page: 2 })).toMatchObject({ rows: [], total: 2, page: 2, pageCount: 1 });

    const { clientGroupDiscount } = await import("@/server/clients/client-groups");
    expect(await clientGroupDiscount(reseller.clientId)).toBe(1250);
    await caller.adminClients.updateGroup({ clientGroupId, name: "Resellers", discountPercent: "7" });
    expect(await clientGroupDiscount(reseller.clientId)).toBe(700);
    expect((await trpcErrorOf(caller.adminClients.createGroup({ name: "Resellers", discountPercent: "1" }))).code).toBe("BAD_REQUEST");
    expect((await trpcErrorOf(caller.adminClients.createGroup({ name: "Too much", discountPercent: "100.01" }))).code).toBe("BAD_REQUEST");
    await caller.adminClients.deleteGroup({ clientGroupId });
    expect(await clientGroupDiscount(reseller.clientId)).toBe(0);
    expect(await db.client.count()).toBe(2);
    expect(await db.auditLog.count({ where: { action: { startsWith: "client-group." } } })).toBe(3);
  });
});
