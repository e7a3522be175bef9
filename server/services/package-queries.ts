import "server-only";
import { type DbClient, db } from "@/server/db";
import { ZRecordId } from "@/server/validation/safe-text";

// Client-area reads of packages (services). Lifecycle changes live elsewhere in server/services/;
// these only read, always scoped by clientId.

const PACKAGE_LIST_SELECT = {
  id: true,
  number: true,
  status: true,
  cycle: true,
  currency: true,
  priceCents: true,
  nextDueAt: true,
  createdAt: true,
  product: { select: { name: true, type: true } },
} as const;

export const listClientPackages = async ({ clientId }: { clientId: string }, client: DbClient = db) =>
  client.service.findMany({ where: { clientId }, orderBy: { number: "desc" }, select: PACKAGE_LIST_SELECT });

/**
 * One package, or null when it is not this client's. Service details (user name, server) are only returned
 * once the package is ACTIVE: before that they may be half-entered by staff or the processing module.
 */
export const getClientPackage = async ({ clientId, packageId }: { clientId: string; packageId: string }, client: DbClient = db) => {
  // NOTE: the page passes its URL segment as is; a malformed ID is simply not found (never a database error).
  if (!ZRecordId.safeParse(packageId).success) return null;
  const found = await client.service.findFirst({
    where: { id: packageId, clientId },
    select: { ...PACKAGE_LIST_SELECT, activatedAt: true, username: true, server: true, product: { select: { name: true, type: true, group: { select: { name: true } } } } },
  });
  if (!found) return null;
  const { username, server, ...rest } = found;
  return { ...rest, details: found.status === "ACTIVE" ? { username, server } : null };
};

export type TClientPackage = NonNullable<Awaited<ReturnType<typeof getClientPackage>>>;

/** Package counts by status for the dashboard. */
export const countClientPackagesByStatus = async ({ clientId }: { clientId: string }, client: DbClient = db) => {
  const groups = await client.service.groupBy({ by: ["status"], where: { clientId }, _count: { _all: true }, orderBy: { status: "asc" } });
  return groups.map((group) => ({ status: group.status, count: group._count._all }));
};
