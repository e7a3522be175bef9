import { readdir } from "node:fs/promises";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getClientInvoice } from "@/server/billing/invoices/invoice-queries";
import { getClientPackage } from "@/server/services/package-queries";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { snapshotDatabase } from "@/tests/support/db-snapshot";
import { callerFor } from "@/tests/support/trpc";
import { seedTwoClients } from "@/tests/support/two-clients";
import { clientProcedures, PUBLIC_PROCEDURES, takesAnId } from "./client-procedures";

type TWorld = Awaited<ReturnType<typeof seedTwoClients>>;
type TCaller = ReturnType<typeof callerFor>;

type TEntry =
  | { byId: (caller: TCaller, id: string) => Promise<unknown> }
  | { scoped: (caller: TCaller) => Promise<unknown> }
  | { own: (caller: TCaller) => Promise<unknown> };

// Refused public calls count towards their rate limits; that counter is all they may change.
const COUNTERS_MOVE = { ignore: [/^rate_limit$/] };
const NEW_PASSWORD = "a-new-long-password-42";

/**
 * One entry per client-facing procedure. `byId`: the inputs Alice sends with each of Bob's IDs (the answer
 * must be NOT_FOUND, as for an ID that does not exist). `scoped`: procedures without an ID, whose answer must
 * not contain any of Bob's IDs. `own`: account procedures that act on the caller alone (no ID to swap): after
 * Alice calls them, nothing of Bob's has changed. Adding a client procedure without an entry here fails the walk below.
 */
const MATRIX: Record<string, TEntry> = {
  "clientArea.dashboard": { scoped: (caller) => caller.clientArea.dashboard() },
  "clientArea.listInvoices": { scoped: (caller) => caller.clientArea.listInvoices({ sort: "date", direction: "desc" }) },
  "clientArea.listPackages": { scoped: (caller) => caller.clientArea.listPackages() },
  "clientArea.listContacts": { scoped: (caller) => caller.clientArea.listContacts() },
  "clientArea.getInvoice": { byId: (caller, invoiceId) => caller.clientArea.getInvoice({ invoiceId }) },
  "clientArea.getPackage": { byId: (caller, packageId) => caller.clientArea.getPackage({ packageId }) },
  "clientArea.updateContact": {
    byId: (caller, contactId) =>
      caller.clientArea.updateContact({ contactId, firstName: "Eve", lastName: "Intruder", email: "eve@example.com", address1: "1 Way", city: "Town", state: "TX", zip: "73301", country: "US", phone: "+1 512 555 0199" }),
  },
  "clientArea.removeContact": { byId: (caller, contactId) => caller.clientArea.removeContact({ contactId }) },
  // Adds to Alice's own account; nothing of Bob's may change.
  "clientArea.addContact": {
    own: (caller) => caller.clientArea.addContact({ firstName: "Eve", lastName: "Added", email: "eve-added@example.com", address1: "1 Way", city: "Town", state: "TX", zip: "73301", country: "US", phone: "+1 512 555 0199" }),
  },
  // Orders into Alice's own account (the client comes from her session); nothing of Bob's may change.
  "checkout.quoteForClient": { scoped: (caller) => caller.checkout.quoteForClient({ items: [{ productId: world.catalog.starterId, cycle: "MONTHLY" }], paymentMethod: "BANK_TRANSFER" }) },
  "checkout.placeOrderForClient": {
    own: (caller) => caller.checkout.placeOrderForClient({ items: [{ productId: world.catalog.starterId, cycle: "MONTHLY" }], paymentMethod: "BANK_TRANSFER", acceptTos: true }),
  },
  // Changes Alice's own account only (the client comes from her session, not from the input).
  "clientArea.updateTaxId": { own: (caller) => caller.clientArea.updateTaxId({ taxId: "EIN 12-3456789" }) },
  "security.changePassword": { own: (caller) => caller.security.changePassword({ currentPassword: "not her password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  "security.startTwoFactor": { own: (caller) => caller.security.startTwoFactor() },
  "security.confirmTwoFactor": { own: (caller) => caller.security.confirmTwoFactor({ code: "000000" }) },
  "security.disableTwoFactor": { own: (caller) => caller.security.disableTwoFactor({ code: "000000" }) },
  "security.signOutEverywhere": { own: (caller) => caller.security.signOutEverywhere() },
};

/** Everything of Bob's that an account procedure could touch: his contact row, credentials and reset links. */
const bobAccountState = async () => {
  const principalId = world.bobIds.contactId;
  return {
    contact: await db.contact.findUniqueOrThrow({ where: { id: principalId } }),
    client: await db.client.findUniqueOrThrow({ where: { id: world.bobIds.clientId } }),
    twoFactor: await db.twoFactorCredential.findMany({ where: { principalId }, include: { recoveryCodes: true } }),
    resets: await db.passwordResetToken.findMany({ where: { principalId } }),
  };
};

/**
 * The client-area pages with a dynamic segment, by the data call the page makes with its params (the page
 * calls notFound() when it answers null; e2e/security/idor.spec.ts checks the real 404 in the browser).
 */
const PAGES: Record<string, (clientId: string, id: string) => Promise<unknown>> = {
  "app/(client)/client/invoices/[invoiceId]/page.tsx": (clientId, invoiceId) => getClientInvoice({ clientId, invoiceId }),
  "app/(client)/client/packages/[packageId]/page.tsx": (clientId, packageId) => getClientPackage({ clientId, packageId }),
};

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`),
  );

let world: TWorld;

beforeAll(async () => {
  await resetDatabase();
  world = await seedTwoClients();
});

describe("IDOR matrix: Alice with Bob's real IDs", () => {
  it("covers every client-facing procedure (a new one must be added to the matrix)", () => {
    const procedures = clientProcedures();
    expect(procedures.map((info) => info.path).sort()).toEqual(Object.keys(MATRIX).sort());
    for (const info of procedures) {
      // A procedure that takes an ID must be tested with Bob's IDs, not only as a list.
      expect({ path: info.path, byId: "byId" in MATRIX[info.path]! }).toEqual({ path: info.path, byId: takesAnId(info) });
    }
  });

  it("finds each client-area page with a dynamic segment in the page list", async () => {
    const root = "app/(client)/client";
    const pages = (await readdir(root, { recursive: true }))
      .filter((file) => file.endsWith("page.tsx") && file.includes("["))
      .map((file) => `${root}/${file}`);
    expect(pages.sort()).toEqual(Object.keys(PAGES).sort());
  });

  it("answers NOT_FOUND to every by-ID procedure and every page, and changes nothing", async () => {
    const alice = callerFor(world.alice.principal);
    const before = await snapshotDatabase();
    const answers: Record<string, string[]> = {};
    for (const [path, entry] of Object.entries(MATRIX)) {
      if (!("byId" in entry)) continue;
      answers[path] = await Promise.all(world.allBobIds.map((id) => codeOf(entry.byId(alice, id))));
    }
    for (const [page, load] of Object.entries(PAGES)) {
      answers[page] = await Promise.all(world.allBobIds.map(async (id) => ((await load(world.alice.principal.clientId, id)) === null ? "NOT_FOUND" : "FOUND")));
    }
    for (const [path, codes] of Object.entries(answers)) {
      expect({ path, codes }).toEqual({ path, codes: world.allBobIds.map(() => "NOT_FOUND") });
    }
    expect(await snapshotDatabase()).toEqual(before);
  });

  it("lists none of Bob's rows in Alice's scoped answers", async () => {
    const alice = callerFor(world.alice.principal);
    const before = await snapshotDatabase();
    for (const [path, entry] of Object.entries(MATRIX)) {
      if (!("scoped" in entry)) continue;
      const answer = JSON.stringify(await entry.scoped(alice));
      for (const id of world.allBobIds) expect({ path, leaks: answer.includes(id) }).toEqual({ path, leaks: false });
    }
    expect(await snapshotDatabase()).toEqual(before);
  });

  it("still shows Bob his own rows (the IDs are real)", async () => {
    const bob = callerFor(world.bob.principal);
    await expect(bob.clientArea.getInvoice({ invoiceId: world.bobIds.invoiceId })).resolves.toMatchObject({ id: world.bobIds.invoiceId, paidCents: 500 });
    for (const packageId of world.bobIds.packageIds) await expect(bob.clientArea.getPackage({ packageId })).resolves.toMatchObject({ id: packageId });
  });

  it("lets the public procedures reveal nothing of Bob's: ordering with his e-mail is refused and adds nothing", async () => {
    expect(PUBLIC_PROCEDURES).toEqual([
      "catalog.listGroups", "catalog.getProduct", "checkout.quote", "checkout.placeOrder", "staff.acceptInvitation",
      "security.requestPasswordReset", "security.resetPassword",
    ]);
    const alice = callerFor(world.alice.principal);
    const before = await snapshotDatabase(COUNTERS_MOVE);
    const input = buildPlaceOrderInput({ items: [{ productId: world.catalog.starterId, cycle: "MONTHLY" }], email: world.bob.input.email });
    expect(await codeOf(alice.checkout.placeOrder(input))).toBe("CONFLICT");
    for (const id of world.allBobIds) expect(await codeOf(alice.catalog.getProduct({ slug: id }))).toBe("NOT_FOUND");
    // An invitation token is the only credential of its form: Bob's real IDs are no tokens.
    for (const id of world.allBobIds) expect(await codeOf(alice.staff.acceptInvitation({ token: id.padEnd(10, "x"), password: "a-long-enough-password" }))).toBe("BAD_REQUEST");
    // So is a password-reset token, and Bob's password stays his.
    for (const id of world.allBobIds) {
      expect(await codeOf(alice.security.resetPassword({ token: id, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }))).toBe("BAD_REQUEST");
    }
    expect(await snapshotDatabase(COUNTERS_MOVE)).toEqual(before);
    // Asking for a reset of Bob's address answers exactly as for an address nobody has (the link goes to Bob).
    const forBob = await alice.security.requestPasswordReset({ kind: "client", email: world.bob.input.email });
    expect(forBob).toEqual(await alice.security.requestPasswordReset({ kind: "client", email: "nobody-here@hostlane.test" }));
  });

  // Last: these change Alice's own account (a 2FA enrolment begun, her sessions ended).
  it("lets the account procedures act on the caller alone: Bob's account is untouched", async () => {
    const alice = callerFor(world.alice.principal);
    const bobBefore = await bobAccountState();
    const aliceBefore = await db.contact.findUniqueOrThrow({ where: { id: world.alice.principal.contactId } });
    for (const entry of Object.values(MATRIX)) if ("own" in entry) await codeOf(entry.own(alice));
    expect(await bobAccountState()).toEqual(bobBefore);
    // The calls were real: Alice's enrolment was started and her sessions were ended.
    expect(await db.twoFactorCredential.count({ where: { principalId: world.alice.principal.contactId } })).toBe(1);
    expect((await db.contact.findUniqueOrThrow({ where: { id: world.alice.principal.contactId } })).sessionVersion).toBe(aliceBefore.sessionVersion + 1);
  });
});
