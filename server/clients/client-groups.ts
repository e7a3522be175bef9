import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { type DbClient, db } from "@/server/db";
import { Prisma as PrismaRuntime } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { TClientGroupFields } from "./client-groups.schemas";

const NAME_TAKEN = "A client group with this name already exists.";
const notFound = () => new AppError("NOT_FOUND", { userMessage: "This client group does not exist." });

const asNameTaken = (error: unknown) =>
  error instanceof PrismaRuntime.PrismaClientKnownRequestError && error.code === "P2002"
    ? new AppError("INVALID_INPUT", { userMessage: NAME_TAKEN, fieldErrors: { name: [NAME_TAKEN] } })
    : error;

/** Admin → Client Groups, with how many clients each holds. */
export const listClientGroups = async (client: DbClient = db) => {
  const groups = await client.clientGroup.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, discountBasisPoints: true, _count: { select: { clients: true } } },
  });
  return groups.map(({ _count, ...group }) => ({ ...group, clientCount: _count.clients }));
};

type TActor = { actorStaffId: string };

export const createClientGroup = async ({ name, discountPercent, actorStaffId }: TClientGroupFields & TActor) => {
  try {
    return await db.$transaction(async (tx) => {
      const group = await tx.clientGroup.create({ data: { name, discountBasisPoints: discountPercent }, select: { id: true } });
      await writeAuditEntry(
        { actor: { kind: "staff", staffId: actorStaffId }, action: "client-group.created", entity: { type: "client-group", id: group.id }, after: { name, discountBasisPoints: discountPercent } },
        tx,
      );
      return { clientGroupId: group.id };
    });
  } catch (error) {
    throw asNameTaken(error);
  }
};

export const updateClientGroup = async ({ clientGroupId, name, discountPercent, actorStaffId }: TClientGroupFields & TActor & { clientGroupId: string }) => {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.clientGroup.findUnique({ where: { id: clientGroupId }, select: { name: true, discountBasisPoints: true } });
      if (!before) throw notFound();
      await tx.clientGroup.update({ where: { id: clientGroupId }, data: { name, discountBasisPoints: discountPercent } });
      await writeAuditEntry(
        { actor: { kind: "staff", staffId: actorStaffId }, action: "client-group.updated", entity: { type: "client-group", id: clientGroupId }, before, after: { name, discountBasisPoints: discountPercent } },
        tx,
      );
      return { clientGroupId };
    });
  } catch (error) {
    throw asNameTaken(error);
  }
};

/** Deleting a group keeps its clients; they simply leave the group (and its discount). */
export const deleteClientGroup = async ({ clientGroupId, actorStaffId }: TActor & { clientGroupId: string }) =>
  db.$transaction(async (tx) => {
    const before = await tx.clientGroup.findUnique({ where: { id: clientGroupId }, select: { name: true, discountBasisPoints: true } });
    if (!before) throw notFound();
    const { count } = await tx.client.updateMany({ where: { clientGroupId }, data: { clientGroupId: null } });
    await tx.clientGroup.delete({ where: { id: clientGroupId } });
    await writeAuditEntry(
      { actor: { kind: "staff", staffId: actorStaffId }, action: "client-group.deleted", entity: { type: "client-group", id: clientGroupId }, before, details: { clientsReleased: count } },
      tx,
    );
    return { clientGroupId };
  });

/** The client's group discount in basis points (1000 = 10 %), 0 without a group. The quote applies it. */
export const clientGroupDiscount = async (clientId: string, client: DbClient = db) => {
  const row = await client.client.findUnique({ where: { id: clientId }, select: { clientGroup: { select: { discountBasisPoints: true } } } });
  return row?.clientGroup?.discountBasisPoints ?? 0;
};
