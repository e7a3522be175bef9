import "server-only";
import type { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { ZRoleFields } from "./staff.schemas";

type RoleFields = z.output<typeof ZRoleFields>;

const NAME_TAKEN = () => new AppError("INVALID_INPUT", { userMessage: "A role with this name already exists.", fieldErrors: { name: ["This name is already in use."] } });

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Creates a custom role (built-in roles come from code, server/staff/built-in-roles.ts). */
export const createRole = async ({ fields, actorStaffId }: { fields: RoleFields; actorStaffId: string }) => {
  try {
    return await db.$transaction(async (tx) => {
      const role = await tx.role.create({ data: { ...fields, isBuiltIn: false }, select: { id: true } });
      await writeAuditEntry({ actor: { kind: "staff", staffId: actorStaffId }, action: "role.created", entity: { type: "role", id: role.id }, after: fields }, tx);
      return role;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? NAME_TAKEN() : error;
  }
};

/** Changes a custom role's name, description and permissions; built-in roles cannot be edited. */
export const updateRole = async ({ roleId, fields, actorStaffId }: { roleId: string; fields: RoleFields; actorStaffId: string }) => {
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.role.findUnique({ where: { id: roleId }, select: { name: true, description: true, permissions: true, isBuiltIn: true } });
      if (!before) throw new AppError("NOT_FOUND", { userMessage: "This role does not exist." });
      if (before.isBuiltIn) throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "Built-in roles cannot be changed. Create a custom role instead." });
      await tx.role.update({ where: { id: roleId }, data: fields });
      await writeAuditEntry(
        {
          actor: { kind: "staff", staffId: actorStaffId },
          action: "role.updated",
          entity: { type: "role", id: roleId },
          before: { name: before.name, description: before.description, permissions: before.permissions },
          after: fields,
        },
        tx,
      );
    });
  } catch (error) {
    throw isUniqueViolation(error) ? NAME_TAKEN() : error;
  }
};

/** Deletes a custom role that no staff member and no API key uses. */
export const deleteRole = async ({ roleId, actorStaffId }: { roleId: string; actorStaffId: string }) =>
  db.$transaction(async (tx) => {
    const role = await tx.role.findUnique({
      where: { id: roleId },
      select: { name: true, description: true, permissions: true, isBuiltIn: true, _count: { select: { staff: true, apiKeys: true } } },
    });
    if (!role) throw new AppError("NOT_FOUND", { userMessage: "This role does not exist." });
    if (role.isBuiltIn) throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "Built-in roles cannot be deleted." });
    if (role._count.staff || role._count.apiKeys) {
      throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "This role is still assigned to staff or API keys. Reassign them first." });
    }
    await tx.role.delete({ where: { id: roleId } });
    const before = { name: role.name, description: role.description, permissions: role.permissions };
    await writeAuditEntry({ actor: { kind: "staff", staffId: actorStaffId }, action: "role.deleted", entity: { type: "role", id: roleId }, before }, tx);
  });
