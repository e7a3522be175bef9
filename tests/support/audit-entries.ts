import { db } from "@/server/db";

/** The audit entries of one entity, oldest first, as { action, actorKind, actorId, before, after }. */
export const auditEntriesOf = async (entityId: string) =>
  db.auditLog.findMany({
    where: { entityId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorKind: true, actorId: true, before: true, after: true },
  });
