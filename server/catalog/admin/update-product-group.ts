import "server-only";
import type { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { fieldError, notFound, staffActor } from "./catalog-admin-helpers";
import type { ZUpdateProductGroupInput } from "./catalog-admin.schemas";

export type UpdateProductGroupOptions = z.output<typeof ZUpdateProductGroupInput> & { staffId: string };

/**
 * Renames a product group or hides/shows it; a hidden group takes its products off the storefront and out of
 * checkout. The caller invalidates the cached storefront after this returns (owns its transaction).
 */
export const updateProductGroup = async ({ staffId, groupId, ...fields }: UpdateProductGroupOptions, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const before = await tx.productGroup.findUnique({ where: { id: groupId }, select: { name: true, slug: true, description: true, isHidden: true } });
    if (!before) throw notFound("product group");
    if (await tx.productGroup.findFirst({ where: { id: { not: groupId }, OR: [{ slug: fields.slug }, { name: fields.name }] }, select: { id: true } })) {
      throw fieldError("slug", "A group with this name or URL name exists already.");
    }
    await tx.productGroup.update({ where: { id: groupId }, data: fields });
    await writeAuditEntry({ actor: staffActor(staffId), action: "product-group.updated", entity: { type: "ProductGroup", id: groupId }, before, after: fields }, tx);
    return { groupId, ...fields };
  });
