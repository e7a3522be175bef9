import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { assertGridCurrencies, fieldError, gridForAudit, notFound, staffActor } from "./catalog-admin-helpers";
import type { TConfigOptionFields } from "./catalog-admin.schemas";

export type SaveConfigOptionOptions = TConfigOptionFields & { staffId: string };

const OPTION_SELECT = {
  productId: true, name: true, slug: true, kind: true, minQuantity: true, maxQuantity: true, stepQuantity: true,
  values: { orderBy: { position: "asc" }, select: { label: true, slug: true, prices: { select: { currency: true, cycle: true, amountCents: true, setupFeeCents: true } } } },
} as const;

const valuesForAudit = (values: readonly { label: string; slug: string; prices: Parameters<typeof gridForAudit>[0] }[]) =>
  values.map((value) => ({ label: value.label, slug: value.slug, prices: gridForAudit(value.prices) }));

/**
 * A product's configurable option with its values and their price grids, saved whole: the values are replaced
 * by the form's list. Orders are not affected (their invoice lines copy the amounts). Quantity bounds are kept
 * only for quantity options. The caller invalidates the cached storefront after this returns (owns its
 * transaction).
 */
export const saveConfigOption = async ({ staffId, optionId, values, ...fields }: SaveConfigOptionOptions, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const before = optionId ? await tx.configOption.findUnique({ where: { id: optionId }, select: OPTION_SELECT }) : null;
    if (optionId && (!before || before.productId !== fields.productId)) throw notFound("option");
    if (!(await tx.product.findUnique({ where: { id: fields.productId }, select: { id: true } }))) throw notFound("product");
    if (await tx.configOption.findFirst({ where: { productId: fields.productId, slug: fields.slug, ...(optionId ? { id: { not: optionId } } : {}) }, select: { id: true } })) {
      throw fieldError("slug", "This product has another option with this URL name.");
    }
    for (const value of values) await assertGridCurrencies(value.prices, tx);
    const bounds = fields.kind === "QUANTITY" ? {} : { minQuantity: null, maxQuantity: null, stepQuantity: null };
    const data = { ...fields, ...bounds };
    const saved = optionId
      ? await tx.configOption.update({ where: { id: optionId }, data, select: { id: true } })
      : await tx.configOption.create({ data, select: { id: true } });
    await tx.configOptionValue.deleteMany({ where: { optionId: saved.id } });
    for (const [index, value] of values.entries()) {
      await tx.configOptionValue.create({ data: { optionId: saved.id, label: value.label, slug: value.slug, position: index + 1, prices: { create: value.prices } } });
    }
    await writeAuditEntry(
      {
        actor: staffActor(staffId),
        action: optionId ? "config-option.updated" : "config-option.created",
        entity: { type: "ConfigOption", id: saved.id },
        ...(before ? { before: { ...before, values: valuesForAudit(before.values) } } : {}),
        after: { ...data, values: valuesForAudit(values) },
      },
      tx,
    );
    return { optionId: saved.id };
  });
