import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { TPermission } from "@/server/staff/permissions";
import { hasPermission } from "@/server/staff/staff-permissions";
import { authOptions } from "./config";
import { type TPrincipal, ZPrincipal } from "./principal";

/** The signed-in principal of this request, or null. Cached per request. */
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
  const principal = await getPrincipal();
  if (principal?.kind !== "staff") {
    redirect("/admin/login");
  }
  if (!(await hasPermission(principal, permission))) {
    forbidden();
  }
  return principal;
};
