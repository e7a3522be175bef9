import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { assertGridCurrencies, diffPriceGrid, fieldError, gridForAudit, notFound, staffActor } from "./catalog-admin-helpers";
import type { TAddonFields } from "./catalog-admin.schemas";

export type SaveAddonOptions = TAddonFields & { staffId: string; /** Absent: a new add-on. */ addonId?: string };

/**
 * Admin → Products → Add-ons: an add-on's details, the products it is offered with, and its price grid, in one
 * transaction with its audit entry. Orders keep the amounts they were placed with (invoice lines copy them).
 * The caller invalidates the cached storefront after this returns (owns its transaction).
 */
export const saveAddon = async ({ staffId, addonId, prices, productIds, ...fields }: SaveAddonOptions, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const before = addonId
      ? await tx.addon.findUnique({
          where: { id: addonId },
          select: { name: true, slug: true, description: true, isHidden: true, products: { select: { id: true } }, prices: { select: { id: true, currency: true, cycle: true, amountCents: true, setupFeeCents: true } } },
        })
      : null;
    if (addonId && !before) throw notFound("add-on");
    if (await tx.addon.findFirst({ where: { slug: fields.slug, ...(addonId ? { id: { not: addonId } } : {}) }, select: { id: true } })) {
      throw fieldError("slug", "Another add-on has this URL name.");
    }
    const uniqueProductIds = [...new Set(productIds)];
    if ((await tx.product.count({ where: { id: { in: uniqueProductIds } } })) !== uniqueProductIds.length) {
      throw fieldError("productIds", "A chosen product does not exist any more. Reload the page.");
    }
    await assertGridCurrencies(prices, tx);
    const products = { set: uniqueProductIds.map((id) => ({ id })) };
    const saved = addonId
      ? await tx.addon.update({ where: { id: addonId }, data: { ...fields, products }, select: { id: true, slug: true } })
      : await tx.addon.create({
          data: { ...fields, position: ((await tx.addon.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1, products: { connect: products.set } },
          select: { id: true, slug: true },
        });
    const { create, update, remove } = diffPriceGrid(before?.prices ?? [], prices);
    if (remove.length) await tx.addonPrice.deleteMany({ where: { id: { in: remove.map((price) => price.id) } } });
    for (const cell of update) await tx.addonPrice.update({ where: { id: cell.id }, data: { amountCents: cell.amountCents, setupFeeCents: cell.setupFeeCents } });
    if (create.length) await tx.addonPrice.createMany({ data: create.map((cell) => ({ addonId: saved.id, ...cell })) });
    await writeAuditEntry(
      {
        actor: staffActor(staffId),
        action: addonId ? "addon.updated" : "addon.created",
        entity: { type: "Addon", id: saved.id },
        ...(before
          ? { before: { name: before.name, slug: before.slug, description: before.description, isHidden: before.isHidden, productIds: before.products.map((product) => product.id), prices: gridForAudit(before.prices) } }
          : {}),
        after: { ...fields, productIds: uniqueProductIds, prices: gridForAudit(prices) },
      },
      tx,
    );
    return saved;
  });
