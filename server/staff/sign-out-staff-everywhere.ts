import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Ends every session of a staff member by raising `sessionVersion`; the session check (server/auth) refuses a
 * session whose version is older than the database's.
 */
export const signOutStaffEverywhere = async ({ staffId, actorStaffId }: { staffId: string; actorStaffId: string }) =>
  db.$transaction(async (tx) => {
    const updated = await tx.staff.updateManyAndReturn({ where: { id: staffId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    if (!updated[0]) throw new AppError("NOT_FOUND", { userMessage: "This staff member does not exist." });
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId: actorStaffId },
        action: "staff.signed-out-everywhere",
        entity: { type: "staff", id: staffId },
        before: { sessionVersion: updated[0].sessionVersion - 1 },
        after: { sessionVersion: updated[0].sessionVersion },
      },
      tx,
    );
  });
