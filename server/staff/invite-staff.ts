import "server-only";
import type { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { queueMail } from "@/server/mail/queue-mail";
import { renderMail } from "@/server/mail/render-mail";
import { findRolesOrThrow } from "./find-roles";
import { createOneTimeToken } from "./one-time-token";
import type { ZInviteStaffInput } from "./staff.schemas";

export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

export type InviteStaffOptions = z.output<typeof ZInviteStaffInput> & {
  actorStaffId: string;
  /** Where the link points, e.g. https://billing.example.com (no trailing slash). */
  origin: string;
  now: Date;
};

/**
 * Adds a staff member without a password and e-mails them a one-time link to set one (valid 72 hours). The
 * staff member, the invitation, the mail and the audit entry commit together.
 */
export const inviteStaff = async ({ name, email, roleIds, actorStaffId, origin, now }: InviteStaffOptions) => {
  const { token, tokenHash } = createOneTimeToken();
  return db.$transaction(async (tx) => {
    const roles = await findRolesOrThrow(roleIds, tx);
    if (await tx.staff.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("EMAIL_TAKEN", { userMessage: "A staff member with this e-mail address already exists.", fieldErrors: { email: ["This e-mail address is already in use."] } });
    }
    const staff = await tx.staff.create({ data: { name, email, roles: { connect: roles.map(({ id }) => ({ id })) } } });
    const invitation = await tx.staffInvitation.create({ data: { staffId: staff.id, tokenHash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) } });
    const link = `${origin}/admin/invitation/${token}`;
    const mail = renderMail({
      subject: "You are invited to the Hostlane admin area",
      blocks: [
        `Dear ${name},`,
        `You have been added as staff (${roles.map((role) => role.name).join(", ")}). Set your password with this link within 72 hours; it works once:`,
        link,
        "If you did not expect this e-mail, ignore it.",
      ],
    });
    await queueMail({ dedupeKey: `staff-invitation:${invitation.id}`, template: "staff-invitation", to: email, now, ...mail }, tx);
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId: actorStaffId },
        action: "staff.invited",
        entity: { type: "staff", id: staff.id },
        after: { name, email, roles: roles.map((role) => role.name), isActive: true },
      },
      tx,
    );
    return { staffId: staff.id };
  });
};
