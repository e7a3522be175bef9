import "server-only";
import type { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { notFound, staffActor } from "./catalog-admin-helpers";
import type { ZMoveProductGroupInput } from "./catalog-admin.schemas";

export type MoveProductGroupOptions = z.output<typeof ZMoveProductGroupInput> & { staffId: string };

/**
 * "Move up" / "Move down": swaps the group with its neighbour in the storefront order and renumbers all groups
 * 1…n, so equal or gappy positions (older data, SQL edits) cannot make the move a no-op. The first group moved
 * up (or the last down) stays where it is. The caller invalidates the cached storefront after this returns.
 */
export const moveProductGroup = async ({ staffId, groupId, direction }: MoveProductGroupOptions, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const groups = await tx.productGroup.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
    const from = groups.findIndex((group) => group.id === groupId);
    if (from < 0) throw notFound("product group");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= groups.length) return { groupId, moved: false };
    const order = [...groups];
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [index, group] of order.entries()) {
      await tx.productGroup.update({ where: { id: group.id }, data: { position: index + 1 } });
    }
    await writeAuditEntry(
      {
        actor: staffActor(staffId), action: "product-group.moved", entity: { type: "ProductGroup", id: groupId },
        before: { order: groups.map((group) => group.name) }, after: { order: order.map((group) => group.name) },
      },
      tx,
    );
    return { groupId, moved: true };
  });
