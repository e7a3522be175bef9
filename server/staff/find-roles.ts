import "server-only";
import type { DbClient } from "@/server/db";
import { AppError } from "@/server/errors";

/** The roles with these ids; an unknown id is a field error on `roleIds`, so nothing is half-assigned. */
export const findRolesOrThrow = async (roleIds: readonly string[], client: DbClient) => {
  const roles = await client.role.findMany({ where: { id: { in: [...roleIds] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (roles.length !== new Set(roleIds).size) {
    throw new AppError("INVALID_INPUT", { userMessage: "One of the chosen roles does not exist.", fieldErrors: { roleIds: ["Choose existing roles."] } });
  }
  return roles;
};
