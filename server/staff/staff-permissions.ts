import "server-only";
import { cache } from "react";
import type { TStaffPrincipal } from "@/server/auth/principal";
import { db } from "@/server/db";
import { rolePermissions } from "./built-in-roles";
import type { TPermission } from "./permissions";

const NONE: ReadonlySet<TPermission> = new Set();

/**
 * The union of the permissions of a staff member's roles; none when the staff member is deactivated or gone,
 * so deactivation takes effect on the very next check. Read once per request (React `cache`; outside a
 * React request, e.g. in tests, each call reads the database).
 */
export const permissionsOfStaff = cache(async (staffId: string): Promise<ReadonlySet<TPermission>> => {
  const staff = await db.staff.findUnique({
    where: { id: staffId },
    select: { isActive: true, roles: { select: { id: true, isBuiltIn: true, permissions: true } } },
  });
  if (!staff?.isActive) return NONE;
  return new Set(staff.roles.flatMap(rolePermissions));
});

/** The permissions a staff principal holds, resolved from the database (its roles), never from the session. */
export const staffPermissions = (principal: TStaffPrincipal): Promise<ReadonlySet<TPermission>> => permissionsOfStaff(principal.staffId);

export const hasPermission = async (principal: TStaffPrincipal, permission: TPermission) =>
  (await staffPermissions(principal)).has(permission);
