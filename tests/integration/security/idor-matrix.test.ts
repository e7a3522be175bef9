import { readdir } from "node:fs/promises";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getClientInvoice } from "@/server/billing/invoices/invoice-queries";
import { getClientPackage } from "@/server/services/package-queries";
import { resetDatabase } from "@/tests/db";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { snapshotDatabase } from "@/tests/support/db-snapshot";
import { callerFor } from "@/tests/support/trpc";
import { seedTwoClients } from "@/tests/support/two-clients";
import { clientProcedures, PUBLIC_PROCEDURES, takesAnId } from "./client-procedures";

type TWorld = Awaited<ReturnType<typeof seedTwoClients>>;
type TCaller = ReturnType<typeof callerFor>;

/**
 * One entry per client-facing procedure. `byId`: the inputs Alice sends with each of Bob's IDs (the answer
 * must be NOT_FOUND, as for an ID that does not exist). `scoped`: procedures without an ID, whose answer must
 * not contain any of Bob's IDs. Adding a client procedure without an entry here fails the walk below.
 */
const MATRIX: Record<string, { byId: (caller: TCaller, id: string) => Promise<unknown> } | { scoped: (caller: TCaller) => Promise<unknown> }> = {
  "clientArea.dashboard": { scoped: (caller) => caller.clientArea.dashboard() },
  "clientArea.listInvoices": { scoped: (caller) => caller.clientArea.listInvoices({ sort: "date", direction: "desc" }) },
  "clientArea.listPackages": { scoped: (caller) => caller.clientArea.listPackages() },
  "clientArea.listContacts": { scoped: (caller) => caller.clientArea.listContacts() },
  "clientArea.getInvoice": { byId: (caller, invoiceId) => caller.clientArea.getInvoice({ invoiceId }) },
  "clientArea.getPackage": { byId: (caller, packageId) => caller.clientArea.getPackage({ packageId }) },
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
    expect(PUBLIC_PROCEDURES).toEqual(["catalog.listGroups", "catalog.getProduct", "checkout.quote", "checkout.placeOrder", "staff.acceptInvitation"]);
    const alice = callerFor(world.alice.principal);
    const before = await snapshotDatabase();
    const input = buildPlaceOrderInput({ items: [{ productId: world.catalog.starterId, cycle: "MONTHLY" }], email: world.bob.input.email });
    expect(await codeOf(alice.checkout.placeOrder(input))).toBe("CONFLICT");
    for (const id of world.allBobIds) expect(await codeOf(alice.catalog.getProduct({ slug: id }))).toBe("NOT_FOUND");
    // An invitation token is the only credential of its form: Bob's real IDs are no tokens.
    for (const id of world.allBobIds) expect(await codeOf(alice.staff.acceptInvitation({ token: id.padEnd(10, "x"), password: "a-long-enough-password" }))).toBe("BAD_REQUEST");
    expect(await snapshotDatabase()).toEqual(before);
  });
});
