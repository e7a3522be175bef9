import "server-only";
import { db } from "@/server/db";
import { rolePermissions } from "@/server/staff/built-in-roles";
import type { TPermission } from "@/server/staff/permissions";
import { hashToken } from "@/server/staff/one-time-token";
import { API_KEY_PREFIX } from "./api-key-format";

/** Who calls the REST API: an API key, with the permissions of its role (read now, not when it was created). */
export type TApiKeyPrincipal = { kind: "api-key"; apiKeyId: string; name: string; roleName: string; permissions: ReadonlySet<TPermission> };

/** lastUsedAt is written at most once a minute per key, so a busy script does not write on every call. */
const LAST_USED_THROTTLE_MS = 60_000;

/**
 * The principal of `Authorization: Bearer hl_live_…`, or null for a missing, unknown or revoked key (callers
 * answer 401). Looks the key up by its SHA-256, so the comparison never sees the stored secret.
 */
export const authenticateApiKey = async (request: Request, now: Date): Promise<TApiKeyPrincipal | null> => {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  const key = match?.[1];
  if (!key?.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const apiKey = await db.apiKey.findUnique({
    where: { keyHash: hashToken(key) },
    select: { id: true, name: true, revokedAt: true, lastUsedAt: true, role: { select: { id: true, name: true, isBuiltIn: true, permissions: true } } },
  });
  if (!apiKey || apiKey.revokedAt) return null;
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() >= LAST_USED_THROTTLE_MS) {
    await db.apiKey.updateMany({ where: { id: apiKey.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  return { kind: "api-key", apiKeyId: apiKey.id, name: apiKey.name, roleName: apiKey.role.name, permissions: new Set(rolePermissions(apiKey.role)) };
};
