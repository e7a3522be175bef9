import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TPrincipal } from "../principal";
import { auditActorOf, auditEntityOf, principalRefOf } from "../principal-ref";
import { assertNotLockedOut, clearFailures, RATE_LIMITS, rateLimitedError, recordFailure } from "@/server/security/rate-limit";
import { twoFactorLockoutKey, verifySecondFactor } from "./verify-second-factor";

/**
 * Turns two-factor off; needs a current code (or a recovery code), so a borrowed session cannot do it. Wrong
 * codes count towards the same lockout as the sign-in's code step (one budget per principal): without it a
 * borrowed session could try all million codes here.
 */
export const disableTwoFactor = async ({ principal, code, now, request }: { principal: TPrincipal; code: string; now: Date; request?: { ip?: string } }, client: typeof db = db) => {
  const ref = principalRefOf(principal);
  const keys = [twoFactorLockoutKey(principal.kind, ref.id)];
  await assertNotLockedOut(RATE_LIMITS.twoFactor, keys);
  const isDisabled = await client.$transaction(async (tx) => {
    const result = await verifySecondFactor({ ref, code, now }, tx);
    if (!result.ok) return false;
    await tx.twoFactorCredential.delete({ where: { principalKind_principalId: { principalKind: ref.kind, principalId: ref.id } } });
    await writeAuditEntry({ actor: auditActorOf(principal), action: "two-factor.disabled", entity: auditEntityOf(ref), details: { method: result.method }, request }, tx);
    return true;
  });
  if (!isDisabled) {
    const lockedForSeconds = await recordFailure(RATE_LIMITS.twoFactor, keys);
    if (lockedForSeconds) throw rateLimitedError(lockedForSeconds);
    throw new AppError("INVALID_INPUT", { userMessage: "That code is not correct.", fieldErrors: { code: ["That code is not correct."] } });
  }
  await clearFailures(RATE_LIMITS.twoFactor, keys);
};
