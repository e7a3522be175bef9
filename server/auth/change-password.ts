import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertNotLockedOut, clearFailures, RATE_LIMITS, recordFailure } from "@/server/security/rate-limit";
import { hashPassword, verifyPassword } from "./password";
import type { TPrincipal } from "./principal";
import { auditActorOf, auditEntityOf, principalRefOf } from "./principal-ref";
import { setPassword } from "./set-password";

/** Changes the signed-in principal's password after checking the current one; every session ends, this one too. */
export const changePassword = async ({ principal, currentPassword, newPassword, ip }: { principal: TPrincipal; currentPassword: string; newPassword: string; ip?: string }) => {
  const ref = principalRefOf(principal);
  // NOTE: without a limit a borrowed session could guess the current password (and make a scrypt run per guess).
  const keys = [`${ref.kind}:${ref.id}`];
  await assertNotLockedOut(RATE_LIMITS.changePassword, keys);
  const row =
    ref.kind === "CONTACT"
      ? await db.contact.findUnique({ where: { id: ref.id }, select: { passwordHash: true } })
      : await db.staff.findUnique({ where: { id: ref.id }, select: { passwordHash: true } });
  if (!row?.passwordHash || !(await verifyPassword(currentPassword, row.passwordHash))) {
    await recordFailure(RATE_LIMITS.changePassword, keys);
    throw new AppError("INVALID_INPUT", { userMessage: "Your current password is not correct.", fieldErrors: { currentPassword: ["Your current password is not correct."] } });
  }
  await clearFailures(RATE_LIMITS.changePassword, keys);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await setPassword({ ref, passwordHash }, tx);
    await writeAuditEntry({ actor: auditActorOf(principal), action: `${auditEntityOf(ref).type}.password-changed`, entity: auditEntityOf(ref), request: { ip } }, tx);
  });
};
