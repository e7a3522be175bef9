import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { generateApiKey } from "./api-key-format";

/**
 * Creates an API key for a role. Returns the key itself this one time; only its SHA-256 and visible prefix are
 * stored, so it cannot be shown again.
 */
export const createApiKey = async ({ name, roleId, actorStaffId }: { name: string; roleId: string; actorStaffId: string }) => {
  const { key, keyHash, prefix } = generateApiKey();
  return db.$transaction(async (tx) => {
    const role = await tx.role.findUnique({ where: { id: roleId }, select: { name: true } });
    if (!role) throw new AppError("INVALID_INPUT", { userMessage: "Choose an existing role.", fieldErrors: { roleId: ["Choose an existing role."] } });
    const apiKey = await tx.apiKey.create({ data: { name, roleId, keyHash, prefix, createdById: actorStaffId }, select: { id: true } });
    await writeAuditEntry(
      { actor: { kind: "staff", staffId: actorStaffId }, action: "api-key.created", entity: { type: "api-key", id: apiKey.id }, after: { name, role: role.name, prefix } },
      tx,
    );
    return { id: apiKey.id, key, prefix };
  });
};
