import "server-only";
import { db } from "@/server/db";
import { rolePermissions } from "./built-in-roles";

export const listRoles = async () => {
  const roles = await db.role.findMany({
    orderBy: [{ isBuiltIn: "desc" }, { name: "asc" }],
    select: { id: true, name: true, description: true, isBuiltIn: true, permissions: true, _count: { select: { staff: true, apiKeys: true } } },
  });
  return roles.map(({ _count, ...role }) => ({ ...role, permissions: rolePermissions(role), staffCount: _count.staff, apiKeyCount: _count.apiKeys }));
};

export const getRole = async (roleId: string) => {
  const role = await db.role.findUnique({ where: { id: roleId }, select: { id: true, name: true, description: true, isBuiltIn: true, permissions: true } });
  return role ? { ...role, permissions: rolePermissions(role) } : null;
};
