import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/** Revokes a key for good: the next request with it gets 401. Revoking twice changes nothing. */
export const revokeApiKey = async ({ apiKeyId, actorStaffId, now }: { apiKeyId: string; actorStaffId: string; now: Date }) =>
  db.$transaction(async (tx) => {
    const apiKey = await tx.apiKey.findUnique({ where: { id: apiKeyId }, select: { revokedAt: true } });
    if (!apiKey) throw new AppError("NOT_FOUND", { userMessage: "This API key does not exist." });
    if (apiKey.revokedAt) return;
    await tx.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: now } });
    await writeAuditEntry(
      { actor: { kind: "staff", staffId: actorStaffId }, action: "api-key.revoked", entity: { type: "api-key", id: apiKeyId }, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } },
      tx,
    );
  });
