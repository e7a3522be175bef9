import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { Prisma as PrismaRuntime } from "@/server/db/generated/client";
import { AppError, type FieldErrors } from "@/server/errors";
import type { TSavePromoCodeInput } from "./promotions.schemas";

const invalid = (fieldErrors: FieldErrors) => new AppError("INVALID_INPUT", { userMessage: "Please correct the highlighted fields.", fieldErrors });

/**
 * Staff add a promo code (id null) or change one; the audit entry commits with it. Products and currencies
 * named must exist. A change never touches `uses`, and orders already placed keep the discount they were
 * placed with (their lines copy it). A taken code is a field error, also when two saves race (unique index).
 * NOTE: takes the root client and owns its transaction, so "returned" means "committed".
 */
export const savePromoCode = async ({ id, staffId, ...promo }: TSavePromoCodeInput & { staffId: string }, client: typeof db = db) => {
  try {
    return await client.$transaction(async (tx) => {
      const [products, currencies] = await Promise.all([
        tx.product.count({ where: { id: { in: promo.productIds } } }),
        tx.currency.count({ where: { code: { in: promo.amounts.map((amount) => amount.currency) } } }),
      ]);
      if (products !== new Set(promo.productIds).size) throw invalid({ productIds: ["A chosen product no longer exists. Reload the page."] });
      if (currencies !== promo.amounts.length) throw invalid({ amounts: ["A currency of the amounts is not set up in Admin → Currencies."] });

      const { amounts, ...fields } = promo;
      const data = {
        ...fields,
        percentBasisPoints: promo.kind === "PERCENT" ? promo.percentBasisPoints : null,
        recurringCycles: promo.recurrence === "RECURRING" ? promo.recurringCycles : null,
      };
      const before = id ? await tx.promoCode.findUnique({ where: { id }, include: { amounts: true } }) : null;
      if (id && !before) throw new AppError("NOT_FOUND", { userMessage: "This promo code does not exist." });
      const saved = before
        ? await tx.promoCode.update({ where: { id: before.id }, data: { ...data, amounts: { deleteMany: {}, create: promo.kind === "FIXED" ? amounts : [] } } })
        : await tx.promoCode.create({ data: { ...data, amounts: { create: promo.kind === "FIXED" ? amounts : [] } } });
      await writeAuditEntry(
        {
          actor: { kind: "staff", staffId },
          action: before ? "promo-code.updated" : "promo-code.created",
          entity: { type: "PromoCode", id: saved.id },
          before: before ? { ...before, uses: undefined } : undefined,
          after: { ...data, amounts },
        },
        tx,
      );
      return { id: saved.id, code: saved.code };
    });
  } catch (error) {
    if (error instanceof PrismaRuntime.PrismaClientKnownRequestError && error.code === "P2002") throw invalid({ code: ["Another promo code already uses this code."] });
    throw error;
  }
};
