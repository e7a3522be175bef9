import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertNotLockedOut, clearFailures, RATE_LIMITS, rateLimitedError, recordFailure } from "@/server/security/rate-limit";
import { signInAccountKey } from "./authenticate";
import { hashPassword, verifyPassword } from "./password";
import type { TPrincipal } from "./principal";
import { auditActorOf, auditEntityOf, principalRefOf } from "./principal-ref";
import { setPassword } from "./set-password";

/**
 * Changes the signed-in principal's password after checking the current one; every session ends, this one too.
 * A wrong current password counts towards the account's sign-in lockout: a borrowed session must not get an
 * unlimited number of guesses here either.
 */
export const changePassword = async ({ principal, currentPassword, newPassword, ip }: { principal: TPrincipal; currentPassword: string; newPassword: string; ip?: string }) => {
  const ref = principalRefOf(principal);
  const row =
    ref.kind === "CONTACT"
      ? await db.contact.findUnique({ where: { id: ref.id }, select: { email: true, passwordHash: true } })
      : await db.staff.findUnique({ where: { id: ref.id }, select: { email: true, passwordHash: true } });
  const keys = row ? [signInAccountKey(principal.kind, row.email)] : [];
  await assertNotLockedOut(RATE_LIMITS.signInAccount, keys);
  if (!row?.passwordHash || !(await verifyPassword(currentPassword, row.passwordHash))) {
    const lockedForSeconds = await recordFailure(RATE_LIMITS.signInAccount, keys);
    if (lockedForSeconds) throw rateLimitedError(lockedForSeconds);
    throw new AppError("INVALID_INPUT", { userMessage: "Your current password is not correct.", fieldErrors: { currentPassword: ["Your current password is not correct."] } });
  }
  await clearFailures(RATE_LIMITS.signInAccount, keys);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await setPassword({ ref, passwordHash }, tx);
    await writeAuditEntry({ actor: auditActorOf(principal), action: `${auditEntityOf(ref).type}.password-changed`, entity: auditEntityOf(ref), request: { ip } }, tx);
  });
};
