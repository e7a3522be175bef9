import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertActiveAdministratorRemains, lockAdministrators } from "./administrator-guard";
import { findRolesOrThrow } from "./find-roles";

/** Replaces a staff member's roles. Refused (nothing changes) when it would demote the last active Administrator. */
export const setStaffRoles = async ({ staffId, roleIds, actorStaffId }: { staffId: string; roleIds: string[]; actorStaffId: string }) =>
  db.$transaction(async (tx) => {
    await lockAdministrators(tx);
    const staff = await tx.staff.findUnique({ where: { id: staffId }, select: { roles: { select: { id: true, name: true }, orderBy: { name: "asc" } } } });
    if (!staff) throw new AppError("NOT_FOUND", { userMessage: "This staff member does not exist." });
    const roles = await findRolesOrThrow(roleIds, tx);
    await tx.staff.update({ where: { id: staffId }, data: { roles: { set: roles.map(({ id }) => ({ id })) } } });
    await assertActiveAdministratorRemains(tx);
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId: actorStaffId },
        action: "staff.roles-changed",
        entity: { type: "staff", id: staffId },
        before: { roles: staff.roles.map((role) => role.name) },
        after: { roles: roles.map((role) => role.name) },
      },
      tx,
    );
  });
