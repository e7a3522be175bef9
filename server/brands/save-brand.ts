import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { Prisma as PrismaRuntime } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { TSaveBrandInput } from "./brands.schemas";

// WARNING: one constant for every process: it serialises the "exactly one default brand" rule.
const DEFAULT_BRAND_LOCK_ID = 7_243_101;

/**
 * Staff add a brand (id null) or change one; the audit entry commits with it. Exactly one brand is the
 * default: making one the default takes it from the other, and the default cannot be un-set (choose another
 * default instead). A taken name is a field error, also when two saves race.
 * NOTE: takes the root client and owns its transaction, so "returned" means "committed".
 */
export const saveBrand = async ({ id, staffId, ...fields }: TSaveBrandInput & { staffId: string }, client: typeof db = db) => {
  try {
    return await client.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${DEFAULT_BRAND_LOCK_ID})`);
      const before = id ? await tx.brand.findUnique({ where: { id } }) : null;
      if (id && !before) throw new AppError("NOT_FOUND", { userMessage: "This brand does not exist." });
      const hasDefault = (await tx.brand.count({ where: { isDefault: true, ...(id ? { id: { not: id } } : {}) } })) > 0;
      if (!fields.isDefault && !hasDefault) {
        throw new AppError("INVALID_INPUT", { userMessage: "One brand must be the default.", fieldErrors: { isDefault: ["One brand must be the default: make another brand the default first."] } });
      }
      if (fields.isDefault) await tx.brand.updateMany({ where: { isDefault: true, ...(id ? { id: { not: id } } : {}) }, data: { isDefault: false } });
      const saved = before ? await tx.brand.update({ where: { id: before.id }, data: fields }) : await tx.brand.create({ data: fields });
      await writeAuditEntry(
        { actor: { kind: "staff", staffId }, action: before ? "brand.updated" : "brand.created", entity: { type: "Brand", id: saved.id }, before: before ?? undefined, after: fields },
        tx,
      );
      return { id: saved.id };
    });
  } catch (error) {
    if (error instanceof PrismaRuntime.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("INVALID_INPUT", { userMessage: "Please correct the highlighted fields.", fieldErrors: { name: ["Another brand already has this name."] } });
    }
    throw error;
  }
};
