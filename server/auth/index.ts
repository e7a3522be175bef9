import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { TPermission } from "@/server/staff/permissions";
import { hasPermission } from "@/server/staff/staff-permissions";
import { authOptions } from "./config";
import { type TPrincipal, ZPrincipal } from "./principal";
import { mustEnrolTwoFactor } from "./two-factor/staff-two-factor-policy";

export const STAFF_SECURITY_PATH = "/admin/account/security";

/**
 * The signed-in principal of this request, or null. Cached per request; the session callbacks (config.ts) have
 * checked it against the database (account state and session version) once for this request.
 */
export const getPrincipal = cache(async (): Promise<TPrincipal | null> => {
  const session = await getServerSession(authOptions);
  const parsed = ZPrincipal.safeParse((session as { principal?: unknown } | null)?.principal);
  return parsed.success ? parsed.data : null;
});

/** Every client-area page calls this first. A staff session is not a client session. */
export const requireClient = async () => {
  const principal = await getPrincipal();
  if (principal?.kind !== "client") {
    redirect("/login");
  }
  return principal;
};

/**
 * Every admin page and staff server action calls this first, naming the permission it needs. Without a staff
 * session: the staff sign-in; without the permission: the 403 page.
 */
export const requireStaff = async (permission: TPermission) => {
  const principal = await requireStaffSession();
  // Staff who must use two-factor and have not set it up yet go to the set-up page first.
  if (await mustEnrolTwoFactor(principal)) {
    redirect(STAFF_SECURITY_PATH);
  }
  if (!(await hasPermission(principal, permission))) {
    forbidden();
  }
  return principal;
};

/** Any signed-in staff member, whatever they hold: only their own account's pages (security, two-factor). */
export const requireStaffSession = async () => {
  const principal = await getPrincipal();
  if (principal?.kind !== "staff") {
    redirect("/admin/login");
  }
  return principal;
};
