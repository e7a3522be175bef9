import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPrincipal } from "@/server/auth/principal";
import { principalRefOf } from "@/server/auth/principal-ref";
import { confirmTwoFactor } from "@/server/auth/two-factor/confirm-two-factor";
import { startTwoFactorEnrolment } from "@/server/auth/two-factor/enrol-two-factor";
import { verifyTotp } from "@/server/auth/two-factor/totp";
import { parseCartCookie } from "@/server/cart/cart-cookie";
import { resolveCart } from "@/server/cart/resolve-cart";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { snapshotDatabase } from "@/tests/support/db-snapshot";
import { seedTwoClients } from "@/tests/support/two-clients";
import { callerAt, createContactFixture } from "../auth/auth-fixtures";
import { allProcedures, clientProcedures, PUBLIC_PROCEDURES } from "./client-procedures";

// Generated inputs against every public and client procedure, from a signed-out visitor, client Alice (a
// pending two-factor set-up), client Bob (two-factor on) and a staff member, each from a generated IP.
// Every refusal must be a TRPCError with a 4xx code (never a 500), and the database must be exactly as it was
// afterwards: every input generated here is either refused or a read (see STATE_CHANGING for the exceptions).
// NOTE: rate-limit counters are expected to move on refused calls, so tables named like them are ignored.
const RATE_LIMIT_TABLES = [/rate.?limit/i];
const MIN_TOTAL_INPUTS = 10_000;
// NOTE: FUZZ_SCALE=0.1 runs a tenth of the inputs while working on a finding; the total check then fails.
const RUN_SCALE = Number(process.env.FUZZ_SCALE ?? 1);
// NOTE: placeOrder hashes the new account's password (scrypt, about a second here) once an input passes the
// schema. Its per-IP limit (5 per 10 minutes) runs before that, so sending every placeOrder input from these two
// addresses bounds the hashing to ten calls; every input is still validated by the schema first.
const PLACE_ORDER_IPS = ["198.51.100.1", "198.51.100.2"];

type TWorld = Awaited<ReturnType<typeof seedTwoClients>>;
type TCaller = ReturnType<typeof callerAt>;

let world: TWorld;
let callers: { who: string; principal: TPrincipal | null; totpSecret?: string }[];
let before: Record<string, string>;
let total = 0;
const failures: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  world = await seedTwoClients();
  // Alice has a pending two-factor set-up and Bob an enabled one, so the code procedures reach their checks.
  const aliceEnrolment = await startTwoFactorEnrolment({ ref: principalRefOf(world.alice.principal), label: "alice" });
  const bobEnrolment = await startTwoFactorEnrolment({ ref: principalRefOf(world.bob.principal), label: "bob" });
  await confirmTwoFactor({ principal: world.bob.principal, code: await generate({ secret: bobEnrolment.secret }), now: new Date() });
  callers = [
    { who: "signed out", principal: null },
    { who: "Alice", principal: world.alice.principal, totpSecret: aliceEnrolment.secret },
    { who: "Bob", principal: world.bob.principal, totpSecret: bobEnrolment.secret },
    { who: "staff", principal: { kind: "staff", staffId: world.staff.id, name: world.staff.name } },
  ];
  before = await snapshotDatabase({ ignore: RATE_LIMIT_TABLES });
}, 120_000);

afterAll(() => {
  // Reported here too, so a failing run shows every distinct finding, not only fast-check's first one.
  if (failures.length) console.error([...new Set(failures)].join("\n"));
});

/** Calls and classifies: "ok", or the 4xx code; anything else (a 500, a non-tRPC throw) fails the property. */
const call = async (path: string, run: () => Promise<unknown>) => {
  total += 1;
  try {
    await run();
    return "ok";
  } catch (error) {
    const status = error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 500;
    if (!(error instanceof TRPCError) || status < 400 || status >= 500) {
      const detail = error instanceof TRPCError ? `${error.code}: ${String(error.cause ?? error.message)}` : String(error);
      failures.push(`${path}: ${detail}`);
      throw new Error(`${path} answered ${status} (${detail})`, { cause: error });
    }
    return error.code;
  }
};

// Arbitrary values of every kind the HTTP transport (superjson) can deliver.
const anyValue = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true });

/** Strings an attacker tries: other rows' IDs, huge, unicode, control characters, SQL and path tricks. */
const nastyString = () =>
  fc.oneof(
    fc.constantFrom(...world.allBobIds, world.alice.placed.invoiceId, "", " ", "%", "_", "' OR 1=1 --", "../../etc/passwd", "\u0000", "a\u0000b", "null", "undefined"),
    fc.string({ unit: "grapheme", maxLength: 80 }),
    fc.string({ unit: "binary", maxLength: 80 }),
    fc.nat({ max: 200_000 }).map((length) => "x".repeat(length)),
  );

/** Numbers that are not a sane amount or count. */
const nastyNumber = fc.oneof(fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 2 ** 53, -(2 ** 63), 1e308), fc.double(), fc.integer());

/** Any value that is not a string: wrong for every string field. */
const notAString = fc.oneof(nastyNumber, fc.constant(null), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 }), fc.object({ maxDepth: 1 }), fc.bigInt(), fc.date());

/**
 * Values that pass a field's own check (or nearly), so generated inputs get past the schema into the handler.
 * No real password or token is among them: with one, a generated input would change a password.
 */
const plausible = (key: string): fc.Arbitrary<unknown> => {
  switch (key) {
    case "kind": return fc.oneof({ arbitrary: fc.constantFrom("client", "staff"), weight: 3 }, fc.constantFrom("CLIENT", "admin"));
    case "email": return fc.oneof(fc.emailAddress(), fc.emailAddress().map((email) => ` ${email.toUpperCase()} `));
    case "password": case "confirmPassword": case "currentPassword":
      return fc.oneof(fc.constantFrom("a-long-enough-password-42", "password123", "short", "é".repeat(10)), fc.string({ minLength: 10, maxLength: 40 }));
    case "code": return fc.oneof(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^[a-z0-9]{5}-[a-z0-9]{5}$/), fc.stringMatching(/^ ?\d{6} ?$/));
    case "token": return fc.oneof(fc.base64String({ minLength: 10, maxLength: 60 }), fc.string({ minLength: 10, maxLength: 200 }));
    case "sort": return fc.constantFrom("date", "amount", "total");
    case "direction": return fc.constantFrom("asc", "desc");
    default: return fc.oneof(fc.constantFrom(...world.allBobIds, world.alice.placed.invoiceId), fc.stringMatching(/^[\w-]{1,64}$/));
  }
};

/** An object with (some of) the procedure's own input keys, each nasty, arbitrary or plausible. */
const shapedInput = (keys: string[]) => {
  if (!keys.length) return fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 3 });
  const record = fc.record(Object.fromEntries(keys.map((key) => [key, fc.oneof(nastyString(), anyValue, plausible(key), plausible(key))])), { requiredKeys: [] });
  if (!keys.includes("confirmPassword")) return record;
  // Half the time the confirmation matches, so the password rules and the handler are reached, not only the refine.
  return fc.tuple(record, fc.boolean()).map(([input, same]) => (same ? { ...input, confirmPassword: (input as { password?: unknown }).password } : input));
};

const REQUIRED_CHECKOUT_KEYS = [
  "items", "paymentMethod", "firstName", "lastName", "email", "address1", "city", "state", "zip", "country", "phone", "password", "confirmPassword",
] as const;

type TChange = (input: Record<string, unknown>) => Record<string, unknown>;

/**
 * A valid checkout with at least one change that must be refused (and optionally extra keys and odd but valid
 * optional fields), so a success of quote or placeOrder is itself a finding.
 */
const refusedCheckout = (withTos: boolean) => {
  const base = () => buildPlaceOrderInput({ items: [{ productId: world.catalog.starterId, cycle: "MONTHLY" }] }) as Record<string, unknown>;
  const requiredKeys: string[] = withTos ? [...REQUIRED_CHECKOUT_KEYS, "acceptTos"] : [...REQUIRED_CHECKOUT_KEYS];
  // Password faults only matter to placeOrder: the quote never reads the password.
  const textKeys = requiredKeys.filter((key) => key !== "items" && key !== "acceptTos" && (withTos || !key.toLowerCase().includes("password")));
  const breaking: fc.Arbitrary<TChange>[] = [
    fc.record({ key: fc.constantFrom(...textKeys.filter((key) => key !== "paymentMethod"), "items", "paymentMethod"), value: notAString }).map(({ key, value }): TChange => (input) => ({ ...input, [key]: value })),
    fc.constantFrom(...textKeys, "items").map((key): TChange => (input) => Object.fromEntries(Object.entries(input).filter(([name]) => name !== key))),
    fc.record({ key: fc.constantFrom(...textKeys), length: fc.integer({ min: 1_000, max: 100_000 }) }).map(({ key, length }): TChange => (input) => ({ ...input, [key]: "é".repeat(length) })),
    fc.constantFrom("", "   ", "\u200b", "a\u0000").map((blank): TChange => (input) => ({ ...input, firstName: blank })),
    fc.string().filter((value) => !value.includes("@")).map((email): TChange => (input) => ({ ...input, email })),
    // Long local parts and domains: a backtracking e-mail pattern would stall here.
    fc.nat({ max: 5_000 }).map((length): TChange => (input) => ({ ...input, email: `${"a.".repeat(length)}a@${"b-".repeat(length)}` })),
    fc.constant((input: Record<string, unknown>) => ({ ...input, email: world.bob.input.email })),
    fc.constant((input: Record<string, unknown>) => ({ ...input, email: ` ${world.bob.input.email.toUpperCase()} ` })),
    fc.string({ maxLength: 3 }).map((country): TChange => (input) => ({ ...input, country: `${country}Q9` })),
    fc.oneof(
      fc.constant([]),
      fc.array(fc.record({ productId: nastyString(), cycle: fc.constantFrom("MONTHLY", "ANNUALLY", "WEEKLY", "") }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.record({ productId: fc.stringMatching(/^[\w-]{1,64}$/), cycle: fc.constant("MONTHLY") }), { minLength: 1, maxLength: 3 }),
      fc.constant(Array.from({ length: 21 }, () => ({ productId: world.catalog.starterId, cycle: "MONTHLY" }))),
      fc.record({ productId: nastyString(), cycle: fc.anything() }).map((item) => [item]),
    ).map((items): TChange => (input) => ({ ...input, items })),
  ];
  if (withTos) {
    breaking.push(
      fc.string().map((suffix): TChange => (input) => ({ ...input, confirmPassword: `${String(input.password)}${suffix}!` })),
      fc.constantFrom("password123", "short", "x".repeat(201)).map((password): TChange => (input) => ({ ...input, password, confirmPassword: password })),
      fc.constantFrom(false, "true", 1, null).map((acceptTos): TChange => (input) => ({ ...input, acceptTos })),
    );
  }
  const harmless = fc.oneof(
    fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }).map((extra): TChange => (input) => ({ ...extra, ...input })),
    fc.string({ unit: "grapheme", maxLength: 40 }).map((company): TChange => (input) => ({ ...input, company })),
    fc.constant((input: Record<string, unknown>) => input),
  );
  return fc
    .tuple(fc.array(fc.oneof(...breaking), { minLength: 1, maxLength: 3 }), harmless)
    .map(([changes, extra]) => changes.reduce((current, change) => change(current), extra(base())));
};

/** A caller from one of the four principals (or signed out only) at a generated IP. */
const asCaller = ({ signedOutOnly = false, ips }: { signedOutOnly?: boolean; ips?: string[] } = {}) =>
  fc
    .record({ index: fc.nat({ max: signedOutOnly ? 0 : callers.length - 1 }), ip: ips ? fc.constantFrom(...ips) : fc.ipV4() })
    .map(({ index, ip }) => ({ ...callers[index]!, caller: callerAt(callers[index]!.principal, ip) }));

/** Runs a property of `numRuns` generated calls. */
const fuzz = async <T,>(arbitrary: fc.Arbitrary<T>, numRuns: number, property: (value: T) => Promise<void>) => {
  await fc.assert(fc.asyncProperty(arbitrary, property), { numRuns: Math.ceil(numRuns * RUN_SCALE), endOnFailure: true });
};

type TEntry = {
  runs: number;
  run: (caller: TCaller, input: unknown) => Promise<unknown>;
  /** Sent signed out only (see STATE_CHANGING). */
  signedOutOnly?: boolean;
  ips?: string[];
};

/**
 * signOutEverywhere and startTwoFactor take no input and act on the signed-in caller by design (updateTaxId
 * takes any short text): any call of
 * theirs signed in is a valid one that changes the caller's own sessions or pending set-up. So the generated
 * inputs go to them signed out (refused, nothing changes), and the last test below sends generated inputs to
 * them signed in as a fresh client Carol and checks that nobody else's account moved.
 */
const STATE_CHANGING = { signedOutOnly: true };

/** Procedure path → calls with generated input. */
const ANY_INPUT: Record<string, TEntry> = {
  "catalog.listGroups": { runs: 200, run: (caller, input) => caller.catalog.listGroups(input as never) },
  "catalog.getProduct": { runs: 600, run: (caller, input) => caller.catalog.getProduct(input as never) },
  "checkout.quote": { runs: 600, run: (caller, input) => caller.checkout.quote(input as never) },
  "checkout.placeOrder": { runs: 500, run: (caller, input) => caller.checkout.placeOrder(input as never), ips: PLACE_ORDER_IPS },
  "staff.acceptInvitation": { runs: 500, run: (caller, input) => caller.staff.acceptInvitation(input as never) },
  // NOTE: generated addresses are random or upper-cased random ones, never an account's: a request for an
  // existing address stores a reset link by design (the IDOR matrix checks that case answers the same).
  "security.requestPasswordReset": { runs: 600, run: (caller, input) => caller.security.requestPasswordReset(input as never) },
  "security.resetPassword": { runs: 600, run: (caller, input) => caller.security.resetPassword(input as never) },
  "clientArea.dashboard": { runs: 200, run: (caller, input) => caller.clientArea.dashboard(input as never) },
  "clientArea.listInvoices": { runs: 500, run: (caller, input) => caller.clientArea.listInvoices(input as never) },
  "clientArea.getInvoice": { runs: 500, run: (caller, input) => caller.clientArea.getInvoice(input as never) },
  "clientArea.listPackages": { runs: 200, run: (caller, input) => caller.clientArea.listPackages(input as never) },
  "clientArea.getPackage": { runs: 500, run: (caller, input) => caller.clientArea.getPackage(input as never) },
  "clientArea.listContacts": { runs: 200, run: (caller, input) => caller.clientArea.listContacts(input as never) },
  "clientArea.addContact": { runs: 300, run: (caller, input) => caller.clientArea.addContact(input as never) },
  "clientArea.updateContact": { runs: 300, run: (caller, input) => caller.clientArea.updateContact(input as never) },
  "clientArea.removeContact": { runs: 300, run: (caller, input) => caller.clientArea.removeContact(input as never) },
  // Any short string is a valid tax ID outside the EU: a signed-in call is a real edit of the caller's own account.
  "checkout.quoteForClient": { runs: 300, run: (caller, input) => caller.checkout.quoteForClient(input as never) },
  // A valid cart places a real order into the caller's account: generated inputs go signed out.
  "checkout.placeOrderForClient": { runs: 300, run: (caller, input) => caller.checkout.placeOrderForClient(input as never), ...STATE_CHANGING },
  "clientArea.updateTaxId": { runs: 200, run: (caller, input) => caller.clientArea.updateTaxId(input as never), ...STATE_CHANGING },
  "security.changePassword": { runs: 400, run: (caller, input) => caller.security.changePassword(input as never) },
  "security.signOutEverywhere": { runs: 200, run: (caller, input) => caller.security.signOutEverywhere(input as never), ...STATE_CHANGING },
  "security.startTwoFactor": { runs: 200, run: (caller, input) => caller.security.startTwoFactor(input as never), ...STATE_CHANGING },
  "security.confirmTwoFactor": { runs: 500, run: (caller, input) => caller.security.confirmTwoFactor(input as never) },
  "security.disableTwoFactor": { runs: 500, run: (caller, input) => caller.security.disableTwoFactor(input as never) },
};

/** True when a generated code happens to be the caller's current TOTP code (about 3 in a million): not a fault. */
const isCurrentCode = async (input: unknown, secret?: string) => {
  const code = (input as { code?: unknown } | null)?.code;
  return Boolean(secret && typeof code === "string" && (await verifyTotp({ secret, code: code.trim(), lastUsedStep: null })) !== null);
};

describe("fuzzing the public and client procedures", () => {
  it("has an entry for every public and client procedure", () => {
    const reachable = [...PUBLIC_PROCEDURES, ...clientProcedures().map((info) => info.path)].sort();
    expect(Object.keys(ANY_INPUT).sort()).toEqual(reachable);
  });

  it.each(Object.entries(ANY_INPUT))("%s: arbitrary values are answered with a 4xx or a read", async (path, { runs, run, signedOutOnly, ips }) => {
    // Half the inputs shaped like the real one (an object with the procedure's own keys), half anything at all.
    const keys = allProcedures().find((info) => info.path === path)!.inputKeys;
    await fuzz(fc.tuple(asCaller({ signedOutOnly, ips }), fc.oneof(anyValue, shapedInput(keys))), runs, async ([{ caller, totpSecret }, input]) => {
      if (await isCurrentCode(input, totpSecret)) return;
      await call(path, () => run(caller, input));
    });
  }, 300_000);

  it.each([
    ["checkout.quote", 1_200, false],
    ["checkout.placeOrder", 1_200, true],
  ] as const)("%s: near-valid checkouts with a fault are all refused", async (path, runs, withTos) => {
    const caller = asCaller(withTos ? { ips: PLACE_ORDER_IPS } : {});
    await fuzz(fc.tuple(caller, refusedCheckout(withTos)), runs, async ([{ caller: as }, input]) => {
      const outcome = await call(path, () => (withTos ? as.checkout.placeOrder(input as never) : as.checkout.quote(input as never)));
      if (outcome === "ok") {
        failures.push(`${path} accepted a faulty input: ${JSON.stringify(input).slice(0, 300)}`);
        throw new Error(`${path} accepted a faulty input`);
      }
    });
  }, 300_000);

  it("cart: any cookie value reads as a cart of valid references", async () => {
    const cookie = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.json(), anyValue.map((value) => { try { return JSON.stringify(value); } catch { return "{"; } }));
    await fuzz(cookie, 1_000, async (value) => {
      total += 1;
      const cart = await resolveCart({ items: parseCartCookie(value ?? undefined) });
      expect(cart.lines.length + cart.droppedCount).toBeLessThanOrEqual(20);
    });
  }, 300_000);

  it("used at least 10,000 generated inputs and changed nothing in the database", async () => {
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(MIN_TOTAL_INPUTS);
    expect(await snapshotDatabase({ ignore: RATE_LIMIT_TABLES })).toEqual(before);
  });

  it("signed in, signOutEverywhere and startTwoFactor ignore any input and change only the caller's own account", async () => {
    const accounts = () => db.contact.findMany({ where: { id: { in: [world.alice.principal.contactId, world.bob.principal.contactId] } }, include: { client: true }, orderBy: { id: "asc" } });
    const credentials = () => db.twoFactorCredential.findMany({ include: { recoveryCodes: true }, orderBy: { id: "asc" } });
    const [othersBefore, credentialsBefore] = [await accounts(), await credentials()];
    const carol = await createContactFixture();
    const asCarol = callerAt(carol.principal, "192.0.2.10");
    await fuzz(fc.tuple(fc.boolean(), anyValue), 40, async ([signOut, input]) => {
      const path = signOut ? "security.signOutEverywhere" : "security.startTwoFactor";
      expect(await call(path, () => (signOut ? asCarol.security.signOutEverywhere(input as never) : asCarol.security.startTwoFactor(input as never)))).toBe("ok");
    });
    expect(await accounts()).toEqual(othersBefore);
    const carolRef = principalRefOf(carol.principal);
    expect((await credentials()).filter((row) => row.principalId !== carolRef.id)).toEqual(credentialsBefore);
  }, 120_000);
});
