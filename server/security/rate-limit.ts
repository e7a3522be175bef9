import "server-only";
import pg from "pg";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/env";
import { formatWaitMessage } from "@/server/auth/sign-in-errors";
import { AppError } from "@/server/errors";
import { clientIpFrom } from "./client-ip";

/**
 * Rate limits and lockouts (README "Rate limits"). On PostgreSQL the counters live in the `rate_limit` table
 * (rate-limiter-flexible's Postgres store over a small `pg` pool of its own), so every process sees the same
 * counts. On the embedded PGlite default there is exactly one process (the data folder is locked to it) and no
 * pg pool, so an in-memory store is equally shared and keeps these hot writes off the single embedded connection.
 */
type TStoreGlobals = { hostlaneRateLimitPool?: pg.Pool; hostlaneRateLimiters?: Map<string, RateLimiterAbstract> };
const globals = globalThis as TStoreGlobals;

export type TRateLimitPolicy = {
  /** Key prefix; also names the limit in logs. */
  name: string;
  /** Requests (or failures) allowed per window. */
  points: number;
  durationSeconds: number;
};

const ratePool = () => (globals.hostlaneRateLimitPool ??= new pg.Pool({ connectionString: env.DATABASE_URL, max: 3 }));

/** A limiter for the policy; `pool` lets a test build a second, independent instance over the same table. */
export const createLimiter = (policy: TRateLimitPolicy, options: { pool?: pg.Pool } = {}): RateLimiterAbstract => {
  const base = { keyPrefix: policy.name, points: policy.points, duration: policy.durationSeconds };
  if (!env.DATABASE_URL && !options.pool) return new RateLimiterMemory(base);
  return new RateLimiterPostgres({
    ...base,
    storeClient: options.pool ?? ratePool(),
    storeType: "pool",
    tableName: "rate_limit",
    // NOTE: the table comes with the migrations, so the app's role needs no CREATE privilege at run time.
    tableCreated: true,
    clearExpiredByTimeout: true,
  });
};

const limiterFor = (policy: TRateLimitPolicy) => {
  const limiters = (globals.hostlaneRateLimiters ??= new Map());
  const key = `${policy.name}:${policy.points}:${policy.durationSeconds}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createLimiter(policy);
    limiters.set(key, limiter);
  }
  return limiter;
};

/** The error every limited request answers with: 429, `Retry-After`, and a message the UI shows as is. */
export const rateLimitedError = (retryAfterSeconds: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError("RATE_LIMITED", {
    userMessage: formatWaitMessage(seconds),
    retryAfterSeconds: seconds,
  });
};

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Counts one request against each key (e.g. the caller's IP and the e-mail it asks about) and throws
 * RATE_LIMITED when any of them is over its budget.
 */
export const consumeRateLimit = async (policy: TRateLimitPolicy, keys: string[], limiter = limiterFor(policy)) => {
  for (const key of keys) {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimitedError(secondsOf(error));
      throw error;
    }
  }
};

/**
 * Consecutive failures (wrong password, wrong code) with a growing lockout: after `points` failures within the
 * window the key is locked for the next step of `lockoutSeconds` (1 min, 5 min, 15 min, then 1 h), and the
 * number of lockouts is remembered for a day, so an attacker who waits out one lockout meets a longer one.
 */
export type TLockoutPolicy = TRateLimitPolicy & { lockoutSeconds: readonly number[] };

export const LOCKOUT_STEPS = [60, 5 * 60, 15 * 60, 60 * 60] as const;

const strikesPolicy = (policy: TLockoutPolicy): TRateLimitPolicy => ({ name: `${policy.name}-strikes`, points: 1_000_000, durationSeconds: 24 * 60 * 60 });

export type TLockout = { failures: RateLimiterAbstract; strikes: RateLimiterAbstract; policy: TLockoutPolicy };

export const createLockout = (policy: TLockoutPolicy, options: { pool?: pg.Pool } = {}): TLockout => ({
  policy,
  failures: createLimiter(policy, options),
  strikes: createLimiter(strikesPolicy(policy), options),
});

const lockoutFor = (policy: TLockoutPolicy): TLockout => ({ policy, failures: limiterFor(policy), strikes: limiterFor(strikesPolicy(policy)) });

/** Throws RATE_LIMITED while any of the keys is locked out; counts nothing. */
export const assertNotLockedOut = async (policy: TLockoutPolicy, keys: string[], lockout = lockoutFor(policy)) => {
  for (const key of keys) {
    const res = await lockout.failures.get(key);
    if (res && res.consumedPoints > policy.points) throw rateLimitedError(secondsOf(res));
  }
};

/** Records one failure for each key; returns the lockout it started (seconds), if one did. */
export const recordFailure = async (policy: TLockoutPolicy, keys: string[], lockout = lockoutFor(policy)) => {
  let lockedForSeconds: number | null = null;
  for (const key of keys) {
    const res = await lockout.failures.consume(key).catch((error: unknown) => {
      if (error instanceof RateLimiterRes) return error;
      throw error;
    });
    if (res.consumedPoints < policy.points) continue;
    const strikes = await lockout.strikes.consume(key);
    const seconds = policy.lockoutSeconds[Math.min(strikes.consumedPoints, policy.lockoutSeconds.length) - 1]!;
    await lockout.failures.block(key, seconds);
    lockedForSeconds = Math.max(lockedForSeconds ?? 0, seconds);
  }
  return lockedForSeconds;
};

/** A success clears the consecutive failures (not the strikes: the next lockout is still the longer one). */
export const clearFailures = async (policy: TLockoutPolicy, keys: string[], lockout = lockoutFor(policy)) => {
  await Promise.all(keys.map((key) => lockout.failures.delete(key)));
};

// The limits -------------------------------------------------------------------------------------------------
export const RATE_LIMITS = {
  /** Wrong passwords per account (kind + e-mail; sign-in and Change password's current password) and per IP. */
  signInAccount: { name: "sign-in-account", points: 5, durationSeconds: 15 * 60, lockoutSeconds: LOCKOUT_STEPS },
  signInIp: { name: "sign-in-ip", points: 20, durationSeconds: 15 * 60, lockoutSeconds: LOCKOUT_STEPS },
  /** Wrong two-factor codes per principal. */
  twoFactor: { name: "two-factor", points: 5, durationSeconds: 15 * 60, lockoutSeconds: LOCKOUT_STEPS },
  /** "Forgot your password?" requests per IP and per address. */
  passwordResetIp: { name: "password-reset-ip", points: 5, durationSeconds: 15 * 60 },
  passwordResetEmail: { name: "password-reset-email", points: 3, durationSeconds: 60 * 60 },
  /** Checkout "Continue" answers whether an e-mail has an account: about one try every few seconds per IP. */
  checkoutQuote: { name: "checkout-quote", points: 10, durationSeconds: 60 },
  checkoutPlaceOrder: { name: "checkout-place-order", points: 5, durationSeconds: 10 * 60 },
  /** The public REST API (/api/v1), per API key or IP. */
  publicApi: { name: "public-api", points: 120, durationSeconds: 60 },
  /** POST /api/v1/quote per IP; `QUOTE_API_RATE_LIMIT_PER_MINUTE` (default 120) — the benchmark raises it. */
  quoteApi: { name: "quote-api", points: 120, durationSeconds: 60 },
} as const satisfies Record<string, TRateLimitPolicy | TLockoutPolicy>;

/**
 * The hook for route handlers (the public REST API under /api/v1): null when the request may go on, else the
 * 429 response with `Retry-After` to return as is. Keyed by the API key id when there is one, else the IP.
 */
export const limitRouteRequest = async (request: Request, { policy = RATE_LIMITS.publicApi as TRateLimitPolicy, key }: { policy?: TRateLimitPolicy; key?: string } = {}) => {
  try {
    await consumeRateLimit(policy, [key ?? `ip:${clientIpFrom(request.headers)}`]);
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "RATE_LIMITED") throw error;
    return Response.json({ error: { code: "RATE_LIMITED", message: error.details.userMessage } }, { status: 429, headers: { "Retry-After": String(error.details.retryAfterSeconds) } });
  }
};

/** The quote endpoint's policy with the limit from the environment (read per request, so tests can change it). */
export const quoteApiRateLimit = (): TRateLimitPolicy => {
  const configured = Number(process.env.QUOTE_API_RATE_LIMIT_PER_MINUTE);
  return { ...RATE_LIMITS.quoteApi, points: Number.isInteger(configured) && configured > 0 ? configured : RATE_LIMITS.quoteApi.points };
};
