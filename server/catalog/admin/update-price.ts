import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TUpdatePriceInput } from "./catalog-admin.schemas";

/**
 * Staff change one billing cycle's price and setup fee; the audit entry commits with it. Orders already placed
 * keep the amounts they were placed with (their lines copy them). The caller invalidates the cached storefront
 * pages after this returns, i.e. after the commit (server/catalog/storefront-catalog-cache.ts).
 * NOTE: takes the root client and owns its transaction, so "returned" means "committed".
 */
export const updatePrice = async ({ priceId, amountCents, setupFeeCents, staffId }: TUpdatePriceInput & { staffId: string }, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const before = await tx.price.findUnique({ where: { id: priceId }, select: { amountCents: true, setupFeeCents: true, currency: true, cycle: true, productId: true } });
    if (!before) throw new AppError("NOT_FOUND", { userMessage: "This price does not exist." });
    await tx.price.update({ where: { id: priceId }, data: { amountCents, setupFeeCents } });
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId },
        action: "price.updated",
        entity: { type: "Price", id: priceId },
        before: { amountCents: before.amountCents, setupFeeCents: before.setupFeeCents },
        after: { amountCents, setupFeeCents },
        details: { productId: before.productId, currency: before.currency, cycle: before.cycle },
      },
      tx,
    );
    return { priceId, amountCents, setupFeeCents, currency: before.currency };
  });
