import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCartCookie } from "@/server/cart/cart-cookie";
import { resolveCart } from "@/server/cart/resolve-cart";
import { resetDatabase } from "@/tests/db";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { snapshotDatabase } from "@/tests/support/db-snapshot";
import { callerFor } from "@/tests/support/trpc";
import { seedTwoClients } from "@/tests/support/two-clients";
import { clientProcedures, PUBLIC_PROCEDURES } from "./client-procedures";

// Generated inputs against every public and client procedure, as a signed-out visitor and as client Alice.
// Every refusal must be a TRPCError with a 4xx code (never a 500), and the database must be exactly as it was
// afterwards: every input generated here is either refused or a read.
// NOTE: rate-limit counters are expected to move on refused calls, so tables named like them are ignored.
const RATE_LIMIT_TABLES = [/rate.?limit/i];
const MIN_TOTAL_INPUTS = 10_000;
// NOTE: FUZZ_SCALE=0.1 runs a tenth of the inputs while working on a finding; the total check then fails.
const RUN_SCALE = Number(process.env.FUZZ_SCALE ?? 1);

type TWorld = Awaited<ReturnType<typeof seedTwoClients>>;
type TCaller = ReturnType<typeof callerFor>;

let world: TWorld;
let before: Record<string, string>;
let total = 0;
const failures: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  world = await seedTwoClients();
  before = await snapshotDatabase({ ignore: RATE_LIMIT_TABLES });
}, 120_000);

afterAll(() => {
  // Reported here too, so a failing run shows every distinct finding, not only fast-check's first shrink.
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
    fc.constantFrom(...world.allBobIds, world.alice.placed.invoiceId, "", " ", "%", "_", "' OR 1=1 --", "../../etc/passwd", "\u0000", "null", "undefined"),
    fc.string({ unit: "grapheme", maxLength: 80 }),
    fc.string({ unit: "binary", maxLength: 80 }),
    fc.nat({ max: 200_000 }).map((length) => "x".repeat(length)),
  );

/** Numbers that are not a sane amount or count. */
const nastyNumber = fc.oneof(fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 2 ** 53, -(2 ** 63), 1e308), fc.double(), fc.integer());

/** Any value that is not a string: wrong for every string field. */
const notAString = fc.oneof(nastyNumber, fc.constant(null), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 }), fc.object({ maxDepth: 1 }), fc.bigInt(), fc.date());

const REQUIRED_CHECKOUT_KEYS = [
  "items", "paymentMethod", "firstName", "lastName", "email", "address1", "city", "state", "zip", "country", "phone", "password", "confirmPassword",
] as const;

/**
 * A valid checkout with at least one change that must be refused (and optionally extra keys and odd but valid
 * optional fields), so a success of placeOrder is itself a finding.
 */
const refusedCheckout = (withTos: boolean) => {
  const base = () => buildPlaceOrderInput({ items: [{ productId: world.catalog.starterId, cycle: "MONTHLY" }] }) as Record<string, unknown>;
  const requiredKeys = withTos ? [...REQUIRED_CHECKOUT_KEYS, "acceptTos"] : [...REQUIRED_CHECKOUT_KEYS];
  const breaking = fc.oneof(
    fc.record({ key: fc.constantFrom(...requiredKeys), value: notAString }).map(({ key, value }) => (input: Record<string, unknown>) => ({ ...input, [key]: value })),
    fc.constantFrom(...requiredKeys).map((key) => (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter(([name]) => name !== key))),
    fc.record({ key: fc.constantFrom(...requiredKeys.filter((key) => key !== "items" && key !== "acceptTos")), length: fc.integer({ min: 1_000, max: 100_000 }) })
      .map(({ key, length }) => (input: Record<string, unknown>) => ({ ...input, [key]: "é".repeat(length) })),
    fc.constantFrom("", "   ", "\u200b").map((blank) => (input: Record<string, unknown>) => ({ ...input, firstName: blank })),
    fc.string().filter((value) => !value.includes("@")).map((email) => (input: Record<string, unknown>) => ({ ...input, email })),
    fc.constant((input: Record<string, unknown>) => ({ ...input, email: world.bob.input.email })).filter(() => withTos),
    fc.string({ maxLength: 3 }).map((country) => (input: Record<string, unknown>) => ({ ...input, country: `${country}Q9` })),
    fc.string().map((suffix) => (input: Record<string, unknown>) => ({ ...input, confirmPassword: `${String(input.password)}${suffix}!` })),
    fc.constantFrom(false, "true", 1, null).filter(() => withTos).map((acceptTos) => (input: Record<string, unknown>) => ({ ...input, acceptTos })),
    fc.oneof(
      fc.constant([]),
      fc.array(fc.record({ productId: nastyString(), cycle: fc.constantFrom("MONTHLY", "ANNUALLY", "WEEKLY", "") }), { minLength: 1, maxLength: 3 }),
      fc.constant(Array.from({ length: 21 }, () => ({ productId: world.catalog.starterId, cycle: "MONTHLY" }))),
      fc.record({ productId: nastyString(), cycle: fc.anything() }).map((item) => [item]),
    ).map((items) => (input: Record<string, unknown>) => ({ ...input, items })),
  );
  const harmless = fc.oneof(
    fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }).map((extra) => (input: Record<string, unknown>) => ({ ...extra, ...input })),
    fc.string({ unit: "grapheme", maxLength: 40 }).map((company) => (input: Record<string, unknown>) => ({ ...input, company })),
    fc.constant((input: Record<string, unknown>) => input),
  );
  return fc.tuple(fc.array(breaking, { minLength: 1, maxLength: 3 }), harmless).map(([changes, extra]) => {
    const input = changes.reduce((current, change) => change(current), extra(base()));
    // NOTE: "items" valid but one breaking change that only removes the password, etc.: still refused.
    return input;
  });
};

const asCaller = () => fc.boolean().map((signedIn) => (signedIn ? callerFor(world.alice.principal) : callerFor(null)));

/** Runs a property of `numRuns` generated calls. */
const fuzz = async <T,>(arbitrary: fc.Arbitrary<T>, numRuns: number, property: (value: T) => Promise<void>) => {
  await fc.assert(fc.asyncProperty(arbitrary, property), { numRuns: Math.ceil(numRuns * RUN_SCALE), endOnFailure: true });
};

/** Procedure path → calls with generated input. Both callers and arbitrary values for each. */
const ANY_INPUT: Record<string, [runs: number, (caller: TCaller, input: unknown) => Promise<unknown>]> = {
  "catalog.listGroups": [200, (caller, input) => caller.catalog.listGroups(input as never)],
  "catalog.getProduct": [700, (caller, input) => caller.catalog.getProduct(input as never)],
  "checkout.quote": [800, (caller, input) => caller.checkout.quote(input as never)],
  "checkout.placeOrder": [800, (caller, input) => caller.checkout.placeOrder(input as never)],
  "clientArea.dashboard": [200, (caller, input) => caller.clientArea.dashboard(input as never)],
  "clientArea.listInvoices": [600, (caller, input) => caller.clientArea.listInvoices(input as never)],
  "clientArea.getInvoice": [600, (caller, input) => caller.clientArea.getInvoice(input as never)],
  "clientArea.listPackages": [200, (caller, input) => caller.clientArea.listPackages(input as never)],
  "clientArea.getPackage": [600, (caller, input) => caller.clientArea.getPackage(input as never)],
  "clientArea.listContacts": [200, (caller, input) => caller.clientArea.listContacts(input as never)],
};

describe("fuzzing the public and client procedures", () => {
  it("has an entry for every public and client procedure", () => {
    const reachable = [...PUBLIC_PROCEDURES, ...clientProcedures().map((info) => info.path)].sort();
    expect(Object.keys(ANY_INPUT).sort()).toEqual(reachable);
  });

  it.each(Object.entries(ANY_INPUT))("%s: arbitrary values are answered with a 4xx or a read", async (path, [runs, run]) => {
    // Half the inputs shaped like the real one (an object with the known keys), half anything at all.
    const shaped = fc.record(
      { invoiceId: nastyString(), packageId: nastyString(), slug: nastyString(), sort: fc.oneof(nastyString(), fc.constantFrom("date", "amount")), direction: fc.oneof(nastyString(), anyValue) },
      { requiredKeys: [] },
    );
    await fuzz(fc.tuple(asCaller(), fc.oneof(anyValue, shaped)), runs, async ([caller, input]) => {
      await call(path, () => run(caller, input));
    });
  }, 300_000);

  it.each([
    ["checkout.quote", 2_000, false],
    ["checkout.placeOrder", 2_000, true],
  ] as const)("%s: near-valid checkouts with a fault are all refused", async (path, runs, withTos) => {
    await fuzz(fc.tuple(asCaller(), refusedCheckout(withTos)), runs, async ([caller, input]) => {
      const outcome = await call(path, () => (withTos ? caller.checkout.placeOrder(input as never) : caller.checkout.quote(input as never)));
      if (outcome === "ok") {
        failures.push(`${path} accepted a faulty input: ${JSON.stringify(input).slice(0, 300)}`);
        throw new Error(`${path} accepted a faulty input`);
      }
    });
  }, 300_000);

  it("cart: any cookie value reads as a cart of valid references", async () => {
    const cookie = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.json(), anyValue.map((value) => { try { return JSON.stringify(value); } catch { return "{"; } }));
    await fuzz(cookie, 1_200, async (value) => {
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
});
