import { db } from "@/server/db";

/**
 * The audit entries of one entity, oldest first, as { action, before, after }. Reads before/after from their
 * own columns when the table has them, else from `details` (the interim layout), so assertions do not depend
 * on the AuditLog column layout.
 */
export const auditEntriesOf = async (entityId: string) => {
  const rows = (await db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } })) as unknown as Record<string, unknown>[];
  return rows.map((row) => {
    const details = (row.details ?? {}) as Record<string, unknown>;
    return { action: row.action as string, before: row.before ?? details.before, after: row.after ?? details.after };
  });
};
