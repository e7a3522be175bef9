import "server-only";
import type { TStaffPrincipal } from "@/server/auth/principal";
import { ALL_PERMISSIONS, type TPermission } from "./permissions";

/**
 * The permissions a staff principal holds.
 * WARNING: interim: every staff member is an administrator until roles arrive (issue #7); this is the one
 * place that answers, so roles replace only this body.
 */
export const staffPermissions = async (principal: TStaffPrincipal): Promise<ReadonlySet<TPermission>> => {
  void principal;
  return new Set(ALL_PERMISSIONS);
};

export const hasPermission = async (principal: TStaffPrincipal, permission: TPermission) =>
  (await staffPermissions(principal)).has(permission);
