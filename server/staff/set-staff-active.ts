import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertActiveAdministratorRemains, lockAdministrators } from "./administrator-guard";

/**
 * Deactivates or reactivates a staff member. Deactivation takes effect on their next request: permissions are
 * read from the database each time, and the raised session version ends their sessions. Refused (nothing
 * changes) for the last active Administrator.
 */
export const setStaffActive = async ({ staffId, isActive, actorStaffId }: { staffId: string; isActive: boolean; actorStaffId: string }) =>
  db.$transaction(async (tx) => {
    await lockAdministrators(tx);
    const staff = await tx.staff.findUnique({ where: { id: staffId }, select: { isActive: true } });
    if (!staff) throw new AppError("NOT_FOUND", { userMessage: "This staff member does not exist." });
    if (staff.isActive === isActive) return;
    await tx.staff.update({ where: { id: staffId }, data: { isActive, ...(isActive ? {} : { sessionVersion: { increment: 1 } }) } });
    await assertActiveAdministratorRemains(tx);
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId: actorStaffId },
        action: isActive ? "staff.reactivated" : "staff.deactivated",
        entity: { type: "staff", id: staffId },
        before: { isActive: staff.isActive },
        after: { isActive },
      },
      tx,
    );
  });
