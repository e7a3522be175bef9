import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { TContactPermission } from "@/lib/contact-options";
import { requireClient } from "@/server/auth";
import { contactPermissions } from "./contact-permissions";

// Where a contact without the dashboard's "account" permission lands after signing in (in this order).
const HOME_BY_PERMISSION: readonly [TContactPermission, string][] = [
  ["billing", "/client/invoices"],
  ["services", "/client/packages"],
  ["domains", "/client/domains"],
  ["contacts", "/client/contacts"],
];

/**
 * Every client-area page calls this first: the sign-in without a session, the 403 page without `permission`.
 * `redirectWithout` (the dashboard): a contact lacking the permission is sent to a section it may open
 * instead, since sign-in always lands on the dashboard.
 */
export const requireContact = async (permission: TContactPermission, { redirectWithout = false } = {}) => {
  const principal = await requireClient();
  const permissions = await contactPermissions(principal);
  if (!permissions.has(permission)) {
    if (redirectWithout) redirect(HOME_BY_PERMISSION.find(([other]) => permissions.has(other))?.[1] ?? "/client/security");
    forbidden();
  }
  return { ...principal, permissions };
};
