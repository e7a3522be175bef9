import "server-only";
import { type DbClient, db } from "@/server/db";
import { BUILT_IN_ROLES } from "./built-in-roles";

/**
 * Creates the built-in roles that are missing (boot, and tests after emptying the database). Idempotent: an
 * existing row keeps its id and assignments; its name and description follow the code.
 */
export const ensureBuiltInRoles = async (client: DbClient = db) => {
  for (const role of BUILT_IN_ROLES) {
    await client.role.upsert({
      where: { id: role.id },
      update: { name: role.name, description: role.description, isBuiltIn: true },
      create: { id: role.id, name: role.name, description: role.description, isBuiltIn: true },
    });
  }
};
