import "server-only";
import type { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { fieldError, staffActor } from "./catalog-admin-helpers";
import type { ZCreateProductGroupInput } from "./catalog-admin.schemas";

export type CreateProductGroupOptions = z.output<typeof ZCreateProductGroupInput> & { staffId: string };

/**
 * Adds a product group at the end of the storefront's order. The caller invalidates the cached storefront after
 * this returns. NOTE: owns its transaction (root client), so "returned" means "committed".
 */
export const createProductGroup = async ({ staffId, ...fields }: CreateProductGroupOptions, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    if (await tx.productGroup.findFirst({ where: { OR: [{ slug: fields.slug }, { name: fields.name }] }, select: { id: true } })) {
      throw fieldError("slug", "A group with this name or URL name exists already.");
    }
    const last = await tx.productGroup.aggregate({ _max: { position: true } });
    const group = await tx.productGroup.create({ data: { ...fields, position: (last._max.position ?? 0) + 1 }, select: { id: true, name: true, slug: true, position: true } });
    await writeAuditEntry({ actor: staffActor(staffId), action: "product-group.created", entity: { type: "ProductGroup", id: group.id }, after: fields }, tx);
    return group;
  });
