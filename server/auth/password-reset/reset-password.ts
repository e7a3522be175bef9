import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashPassword } from "../password";
import { auditEntityOf } from "../principal-ref";
import { setPassword } from "../set-password";
import { hashResetToken } from "./request-password-reset";

const INVALID_LINK = new AppError("INVALID_INPUT", {
  userMessage: "This reset link is invalid, already used or expired. Ask for a new one.",
  fieldErrors: { token: ["This reset link is invalid, already used or expired. Ask for a new one."] },
});

/**
 * Sets a new password from a reset link. The token is spent with a conditional update (a second use, even a
 * concurrent one, finds nothing), every other reset link of the account is spent too, and the session version
 * is raised so every existing session ends.
 */
export const resetPassword = async ({ token, password, ip, now }: { token: string; password: string; ip: string; now: Date }) => {
  const tokenHash = hashResetToken(token);
  // NOTE: the link is checked before the deliberately slow hash (scrypt, 128 MiB): this form is public and not
  // rate limited, so a made-up token must cost one lookup, not a hash. The transaction checks it again.
  const usable = await db.passwordResetToken.findUnique({ where: { tokenHash }, select: { usedAt: true, expiresAt: true } });
  if (!usable || usable.usedAt || usable.expiresAt <= now) throw INVALID_LINK;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({ where: { tokenHash } });
    if (!row || row.usedAt || row.expiresAt <= now) throw INVALID_LINK;
    const { count } = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) throw INVALID_LINK;
    await tx.passwordResetToken.updateMany({ where: { principalKind: row.principalKind, principalId: row.principalId, usedAt: null }, data: { usedAt: now } });
    const ref = { kind: row.principalKind, id: row.principalId };
    await setPassword({ ref, passwordHash }, tx);
    await writeAuditEntry({ actor: { kind: "system", name: "password-reset" }, action: `${auditEntityOf(ref).type}.password-reset`, entity: auditEntityOf(ref), request: { ip } }, tx);
    return { kind: row.principalKind === "CONTACT" ? ("client" as const) : ("staff" as const) };
  });
};
