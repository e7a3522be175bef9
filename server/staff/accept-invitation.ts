import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashToken } from "./one-time-token";

const INVALID_LINK = "This invitation link is invalid, already used or expired. Ask an administrator for a new one.";

/** Finds a usable invitation (unused, not expired, staff still active) by its token; null otherwise. */
export const findUsableInvitation = async (token: string, now: Date) => {
  const invitation = await db.staffInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, usedAt: true, expiresAt: true, staff: { select: { id: true, name: true, email: true, isActive: true } } },
  });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= now || !invitation.staff.isActive) return null;
  return invitation;
};

/**
 * Sets the invited staff member's password and uses the link up. Single use even under a double submit: the
 * invitation is claimed with a conditional update, and only the caller that claimed it sets the password.
 */
export const acceptInvitation = async ({ token, password, now }: { token: string; password: string; now: Date }) => {
  const invitation = await findUsableInvitation(token, now);
  if (!invitation) throw new AppError("INVALID_INPUT", { userMessage: INVALID_LINK });
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.staffInvitation.updateMany({ where: { id: invitation.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError("INVALID_INPUT", { userMessage: INVALID_LINK });
    await tx.staff.update({ where: { id: invitation.staff.id }, data: { passwordHash } });
    await writeAuditEntry(
      { actor: { kind: "staff", staffId: invitation.staff.id }, action: "staff.invitation-accepted", entity: { type: "staff", id: invitation.staff.id }, details: { invitationId: invitation.id } },
      tx,
    );
  });
  return { email: invitation.staff.email };
};
