import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { notFound, staffActor } from "./catalog-admin-helpers";

/**
 * Removes a configurable option and its values (their prices cascade). Placed orders keep their option lines.
 * The caller invalidates the cached storefront after this returns (owns its transaction).
 */
export const deleteConfigOption = async ({ staffId, optionId }: { staffId: string; optionId: string }, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const before = await tx.configOption.findUnique({ where: { id: optionId }, select: { productId: true, name: true, slug: true, kind: true } });
    if (!before) throw notFound("option");
    await tx.configOption.delete({ where: { id: optionId } });
    await writeAuditEntry({ actor: staffActor(staffId), action: "config-option.deleted", entity: { type: "ConfigOption", id: optionId }, before }, tx);
    return { optionId };
  });
