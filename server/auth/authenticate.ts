import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { assertNotLockedOut, clearFailures, RATE_LIMITS, rateLimitedError, recordFailure } from "@/server/security/rate-limit";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import type { TPrincipal } from "./principal";
import { auditEntityOf, principalRefOf } from "./principal-ref";
import { BLOCKED_CLIENT_STATUSES } from "./session-state";
import { issueChallenge, readChallenge } from "./two-factor/challenge";
import { twoFactorLockoutKey, verifySecondFactor } from "./two-factor/verify-second-factor";

export type TSignInKind = "client" | "staff";

/** Where a sign-in step ends: a session for the principal, the code step, or a refusal (SIGN_IN_ERROR). */
export type TSignInResult =
  | { status: "signed-in"; principal: TPrincipal; sessionVersion: number }
  | { status: "two-factor"; challenge: string }
  | { status: "invalid" }
  | { status: "unavailable" }
  | { status: "invalid-code" }
  | { status: "challenge-expired" };

type TAccount = { principal: TPrincipal; passwordHash: string | null; sessionVersion: number; isBlocked: boolean };

// NOTE: an unknown e-mail still costs one hash, so response time does not reveal which addresses exist.
const DUMMY_HASH = hashPassword("not a real password");

// NOTE: user names never contain "@" (ZUsername), so an identifier is either a contact's e-mail or its user name.
const signInWhere = (kind: TSignInKind, identifier: string) => (kind === "client" && !identifier.includes("@") ? { username: identifier } : { email: identifier });

const findAccount = async (kind: TSignInKind, where: { email: string } | { username: string } | { id: string }): Promise<TAccount | null> => {
  if (kind === "client") {
    const contact = await db.contact.findUnique({
      where,
      select: { id: true, clientId: true, firstName: true, lastName: true, passwordHash: true, sessionVersion: true, client: { select: { status: true } } },
    });
    if (!contact) return null;
    return {
      principal: { kind: "client", contactId: contact.id, clientId: contact.clientId, name: `${contact.firstName} ${contact.lastName}` },
      passwordHash: contact.passwordHash,
      sessionVersion: contact.sessionVersion,
      isBlocked: BLOCKED_CLIENT_STATUSES.has(contact.client.status),
    };
  }
  if ("username" in where) return null;
  const staff = await db.staff.findUnique({ where, select: { id: true, name: true, passwordHash: true, sessionVersion: true, isActive: true } });
  if (!staff) return null;
  return { principal: { kind: "staff", staffId: staff.id, name: staff.name }, passwordHash: staff.passwordHash, sessionVersion: staff.sessionVersion, isBlocked: !staff.isActive };
};

const hasTwoFactor = async (principal: TPrincipal) => {
  const ref = principalRefOf(principal);
  const credential = await db.twoFactorCredential.findUnique({
    where: { principalKind_principalId: { principalKind: ref.kind, principalId: ref.id } },
    select: { enabledAt: true },
  });
  return Boolean(credential?.enabledAt);
};

const storeRehash = async (account: TAccount, password: string) => {
  const passwordHash = await hashPassword(password);
  const { principal } = account;
  if (principal.kind === "client") await db.contact.update({ where: { id: principal.contactId }, data: { passwordHash } });
  else await db.staff.update({ where: { id: principal.staffId }, data: { passwordHash } });
};

/** The key of an account's wrong-password lockout (RATE_LIMITS.signInAccount): every password check shares it. */
export const signInAccountKey = (kind: TSignInKind, email: string) => `${kind}:${email.trim().toLowerCase()}`;

/**
 * The password step. Locked-out accounts and IPs are refused before any hash is computed; wrong passwords count
 * towards the lockout per account and per IP. Closed and Fraud clients are refused only after a correct
 * password, so the answer tells a stranger nothing about the account.
 */
export const signInWithPassword = async ({ kind, email, password, ip, now }: { kind: TSignInKind; email: string; password: string; ip: string; now: Date }): Promise<TSignInResult> => {
  const normalized = email.trim().toLowerCase();
  const keys = { account: [signInAccountKey(kind, normalized)], ip: [ip] };
  await assertNotLockedOut(RATE_LIMITS.signInAccount, keys.account);
  await assertNotLockedOut(RATE_LIMITS.signInIp, keys.ip);
  const account = await findAccount(kind, signInWhere(kind, normalized));
  const isValid = await verifyPassword(password, account?.passwordHash ?? (await DUMMY_HASH));
  if (!account?.passwordHash || !isValid) {
    const lockedForSeconds = Math.max(
      (await recordFailure(RATE_LIMITS.signInAccount, keys.account)) ?? 0,
      (await recordFailure(RATE_LIMITS.signInIp, keys.ip)) ?? 0,
    );
    if (lockedForSeconds && account) {
      const ref = principalRefOf(account.principal);
      await writeAuditEntry({ actor: { kind: "system", name: "sign-in" }, action: `${auditEntityOf(ref).type}.sign-in-locked`, entity: auditEntityOf(ref), details: { seconds: lockedForSeconds }, request: { ip } });
    }
    if (lockedForSeconds) throw rateLimitedError(lockedForSeconds);
    return { status: "invalid" };
  }
  await clearFailures(RATE_LIMITS.signInAccount, keys.account);
  if (account.isBlocked) return { status: "unavailable" };
  if (needsRehash(account.passwordHash)) await storeRehash(account, password);
  if (await hasTwoFactor(account.principal)) {
    const ref = principalRefOf(account.principal);
    return { status: "two-factor", challenge: issueChallenge({ kind, id: ref.id, version: account.sessionVersion }, now.getTime()) };
  }
  return { status: "signed-in", principal: account.principal, sessionVersion: account.sessionVersion };
};

/**
 * The code step: the challenge from the password step plus a TOTP code or a recovery code. Wrong codes count
 * towards a lockout of their own; the account is re-read, so a block or a password change in between wins.
 */
export const signInWithSecondFactor = async ({ challenge, code, ip, now }: { challenge: string; code: string; ip: string; now: Date }): Promise<TSignInResult> => {
  const pending = readChallenge(challenge, now.getTime());
  if (!pending) return { status: "challenge-expired" };
  const keys = [twoFactorLockoutKey(pending.kind, pending.id)];
  await assertNotLockedOut(RATE_LIMITS.twoFactor, keys);
  const account = await findAccount(pending.kind, { id: pending.id });
  if (!account || account.sessionVersion !== pending.version) return { status: "challenge-expired" };
  if (account.isBlocked) return { status: "unavailable" };
  const ref = principalRefOf(account.principal);
  const result = await verifySecondFactor({ ref, code, now });
  if (!result.ok) {
    const lockedForSeconds = await recordFailure(RATE_LIMITS.twoFactor, keys);
    if (lockedForSeconds) throw rateLimitedError(lockedForSeconds);
    return { status: "invalid-code" };
  }
  await clearFailures(RATE_LIMITS.twoFactor, keys);
  if (result.method === "recovery-code") {
    await writeAuditEntry({ actor: { kind: "system", name: "sign-in" }, action: `${auditEntityOf(ref).type}.recovery-code-used`, entity: auditEntityOf(ref), request: { ip } });
  }
  return { status: "signed-in", principal: account.principal, sessionVersion: account.sessionVersion };
};

