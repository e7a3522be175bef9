import "server-only";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { type DbClient, db } from "@/server/db";
import { assertGridCurrencies, diffPriceGrid, fieldError, gridForAudit, notFound, staffActor } from "./catalog-admin-helpers";
import type { TPriceGrid, TProductFields } from "./catalog-admin.schemas";

export type SaveProductOptions = TProductFields & { staffId: string; /** Absent: a new product. */ productId?: string };

const DETAIL_SELECT = { groupId: true, name: true, slug: true, type: true, description: true, isHidden: true, stockCount: true, welcomeEmailText: true } as const;

/**
 * Makes the product's stored prices equal the grid. A price that orders were placed with cannot be removed
 * (their lines point at it): staff keep it or hide the product instead.
 */
const applyProductPrices = async (productId: string, grid: TPriceGrid, tx: DbClient) => {
  const stored = await tx.price.findMany({ where: { productId }, select: { id: true, currency: true, cycle: true, amountCents: true, setupFeeCents: true, _count: { select: { orderItems: true } } } });
  const { create, update, remove } = diffPriceGrid(stored, grid);
  const ordered = remove.find((price) => price._count.orderItems > 0);
  if (ordered) {
    throw fieldError("prices", `The ${billingCycleLabel(ordered.cycle)} ${ordered.currency} price has orders and cannot be removed; hide the product instead.`);
  }
  if (remove.length) await tx.price.deleteMany({ where: { id: { in: remove.map((price) => price.id) } } });
  for (const cell of update) await tx.price.update({ where: { id: cell.id }, data: { amountCents: cell.amountCents, setupFeeCents: cell.setupFeeCents } });
  if (create.length) await tx.price.createMany({ data: create.map((cell) => ({ productId, ...cell })) });
  return gridForAudit(stored);
};

/**
 * Admin → Products → "Add Product" / "Save Changes": details, stock, welcome e-mail text and the price grid in
 * one transaction with its audit entry. The caller invalidates the cached storefront after this returns.
 * NOTE: owns its transaction (root client), so "returned" means "committed".
 */
export const saveProduct = async ({ staffId, productId, prices, ...fields }: SaveProductOptions, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const before = productId ? await tx.product.findUnique({ where: { id: productId }, select: DETAIL_SELECT }) : null;
    if (productId && !before) throw notFound("product");
    if (!(await tx.productGroup.findUnique({ where: { id: fields.groupId }, select: { id: true } }))) throw fieldError("groupId", "Choose a product group.");
    if (await tx.product.findFirst({ where: { slug: fields.slug, ...(productId ? { id: { not: productId } } : {}) }, select: { id: true } })) {
      throw fieldError("slug", "Another product has this URL name.");
    }
    await assertGridCurrencies(prices, tx);
    const saved = productId
      ? await tx.product.update({ where: { id: productId }, data: fields, select: { id: true, slug: true } })
      : await tx.product.create({
          data: { ...fields, position: ((await tx.product.aggregate({ where: { groupId: fields.groupId }, _max: { position: true } }))._max.position ?? 0) + 1 },
          select: { id: true, slug: true },
        });
    const pricesBefore = await applyProductPrices(saved.id, prices, tx);
    await writeAuditEntry(
      {
        actor: staffActor(staffId),
        action: productId ? "product.updated" : "product.created",
        entity: { type: "Product", id: saved.id },
        ...(before ? { before: { ...before, prices: pricesBefore } } : {}),
        after: { ...fields, prices: gridForAudit(prices) },
      },
      tx,
    );
    return saved;
  });
