import "server-only";
import { db } from "@/server/db";

export const listApiKeys = () =>
  db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, role: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
  });
