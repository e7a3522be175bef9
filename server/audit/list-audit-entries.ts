import "server-only";
import { type DbClient, db } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { type TListAuditInput, ZListAuditInput } from "./audit.schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The cursor is the last row's (createdAt, id): stable under new writes, unlike an offset. */
const encodeCursor = (row: { createdAt: Date; id: string }) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

const decodeCursor = (cursor: string) => {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
};

/**
 * One page of audit entries, newest first, filtered by actor, entity, action and date range (keyset paging by
 * createdAt, id). A cursor that cannot be read starts from the newest entry rather than failing.
 */
export const listAuditEntries = async (input: TListAuditInput, client: DbClient = db) => {
  const { actor, entityType, entityId, action, from, to, cursor, limit } = ZListAuditInput.parse(input);
  const after = cursor ? decodeCursor(cursor) : null;
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      actor ? { OR: [{ actorId: actor }, { actorLabel: { contains: actor, mode: "insensitive" } }] } : {},
      entityType ? { entityType } : {},
      entityId ? { entityId } : {},
      action ? { action: { startsWith: action } } : {},
      from ? { createdAt: { gte: new Date(`${from}T00:00:00Z`) } } : {},
      to ? { createdAt: { lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS) } } : {},
      after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await client.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true, createdAt: true, actorKind: true, actorId: true, actorLabel: true, action: true,
      entityType: true, entityId: true, before: true, after: true, details: true, ip: true, userAgent: true,
    },
  });
  const entries = rows.slice(0, limit);
  return { entries, nextCursor: rows.length > limit ? encodeCursor(entries.at(-1)!) : null };
};

export type TAuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];
