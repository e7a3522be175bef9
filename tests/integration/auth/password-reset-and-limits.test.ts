import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/authenticate";
import { isSessionCurrent } from "@/server/auth/session-state";
import { db } from "@/server/db";
import { consumeRateLimit, createLimiter, limitRouteRequest, createLockout, recordFailure, assertNotLockedOut, RATE_LIMITS } from "@/server/security/rate-limit";
import { resetDatabase } from "@/tests/db";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { callerAt, createContactFixture, PASSWORD, rejectionOf } from "./auth-fixtures";

const NEW_PASSWORD = "copper-meadow-sailboat";
const tokenFromMail = async (to: string) => {
  const mail = await db.outboxMail.findFirstOrThrow({ where: { to, template: "password-reset" }, orderBy: { createdAt: "desc" } });
  return /token=([\w-]+)/.exec(mail.text)![1]!;
};

beforeEach(resetDatabase);

describe("password reset", { timeout: 60_000 }, () => {
  it("mails a single-use link that sets a new password and ends every session", async () => {
    const { email, principal, contact } = await createContactFixture();
    const caller = callerAt(null);
    const answer = await caller.security.requestPasswordReset({ kind: "client", email });
    const token = await tokenFromMail(email);
    expect(JSON.stringify(await db.passwordResetToken.findMany())).not.toContain(token);
    await caller.security.resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await isSessionCurrent(principal, 0)).toBe(false);
    expect((await signInWithPassword({ kind: "client", email, password: NEW_PASSWORD, ip: "x", now: new Date() })).status).toBe("signed-in");
    const again = await rejectionOf(caller.security.resetPassword({ token, password: "another-long-phrase", confirmPassword: "another-long-phrase" }));
    expect(again.message).toMatch(/invalid, already used or expired/);
    expect(await db.auditLog.count({ where: { action: "contact.password-reset", entityId: contact.id } })).toBe(1);
    expect(answer.message).toMatch(/If an account uses this address/);
  });

  it("gives the same answer for an unknown address and sends nothing", async () => {
    const caller = callerAt(null, "203.0.113.50");
    const answer = await caller.security.requestPasswordReset({ kind: "client", email: "nobody@example.com" });
    const { email } = await createContactFixture();
    expect(await caller.security.requestPasswordReset({ kind: "client", email })).toEqual(answer);
    expect(await db.outboxMail.count({ where: { to: "nobody@example.com" } })).toBe(0);
    expect(await db.outboxMail.count({ where: { to: email } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const { email } = await createContactFixture();
    await callerAt(null).security.requestPasswordReset({ kind: "client", email });
    const token = await tokenFromMail(email);
    await db.passwordResetToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const error = await rejectionOf(callerAt(null).security.resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    expect(error.message).toMatch(/expired/);
    expect((await signInWithPassword({ kind: "client", email, password: PASSWORD, ip: "x", now: new Date() })).status).toBe("signed-in");
  });
});

describe("rate limits", { timeout: 120_000 }, () => {
  it("locks an account after five wrong passwords for a minute, then for longer, with the message and Retry-After", async () => {
    const { email } = await createContactFixture();
    const attempt = (password: string, ip = "198.51.100.9") => signInWithPassword({ kind: "client", email, password, ip, now: new Date() });
    for (let i = 0; i < 4; i++) expect((await attempt("wrong-password-guess")).status).toBe("invalid");
    const locked = await rejectionOf(attempt("wrong-password-guess"));
    expect(locked.message).toBe("Too many attempts. Try again in 1 minute.");
    // Even the right password, from another IP, is refused while the account is locked.
    const still = (await rejectionOf(attempt(PASSWORD, "192.0.2.1"))) as unknown as { details: { retryAfterSeconds: number } };
    expect(still.details.retryAfterSeconds).toBeGreaterThan(50);
    // The next lockout is longer: 5 minutes.
    await db.$executeRawUnsafe(`DELETE FROM rate_limit WHERE key = $1`, `sign-in-account:client:${email}`);
    for (let i = 0; i < 4; i++) await attempt("wrong-password-guess");
    expect((await rejectionOf(attempt("wrong-password-guess"))).message).toBe("Too many attempts. Try again in 5 minutes.");
  });

  it("limits the checkout quote per IP with TOO_MANY_REQUESTS and retryAfter", async () => {
    const catalog = await seedCatalog();
    const caller = callerAt(null, "203.0.113.99");
    const { password: _p, confirmPassword: _c, acceptTos: _t, ...input } = buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] });
    for (let i = 0; i < RATE_LIMITS.checkoutQuote.points; i++) await caller.checkout.quote(input);
    const limited = await rejectionOf(caller.checkout.quote(input));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/^Too many attempts\. Try again in (\d+ seconds|1 minute)\.$/);
    expect(limited.cause?.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("limits password reset requests per address", async () => {
    const caller = callerAt(null, "203.0.113.120");
    for (let i = 0; i < 3; i++) await caller.security.requestPasswordReset({ kind: "staff", email: "who@example.com" });
    expect((await rejectionOf(caller.security.requestPasswordReset({ kind: "staff", email: "who@example.com" }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("route handlers get a 429 response with Retry-After from the generic hook", async () => {
    const policy = { name: "route-test", points: 2, durationSeconds: 60 };
    const request = () => new Request("http://localhost/api/v1/x", { headers: { "x-forwarded-for": "192.0.2.44" } });
    expect(await limitRouteRequest(request(), { policy })).toBeNull();
    expect(await limitRouteRequest(request(), { policy })).toBeNull();
    const limited = await limitRouteRequest(request(), { policy });
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await limited!.json()).error.message).toMatch(/^Too many attempts/);
  });

  it("shares counts and lockouts between two limiter instances over PostgreSQL", async () => {
    const pools = [new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }), new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })];
    const policy = { name: "shared-test", points: 3, durationSeconds: 60 };
    const [first, second] = pools.map((pool) => createLimiter(policy, { pool }));
    await consumeRateLimit(policy, ["k"], first);
    await consumeRateLimit(policy, ["k"], second);
    await consumeRateLimit(policy, ["k"], first);
    expect((await rejectionOf(consumeRateLimit(policy, ["k"], second))).message).toMatch(/Too many attempts/);

    const lockoutPolicy = { ...policy, name: "shared-lockout", lockoutSeconds: [60] };
    const [a, b] = pools.map((pool) => createLockout(lockoutPolicy, { pool }));
    await recordFailure(lockoutPolicy, ["k"], a);
    await recordFailure(lockoutPolicy, ["k"], b);
    expect(await recordFailure(lockoutPolicy, ["k"], a)).toBe(60);
    expect((await rejectionOf(assertNotLockedOut(lockoutPolicy, ["k"], b))).message).toBe("Too many attempts. Try again in 1 minute.");
    await Promise.all(pools.map((pool) => pool.end()));
  });
});

