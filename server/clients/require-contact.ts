import "server-only";
import { forbidden } from "next/navigation";
import type { TContactPermission } from "@/lib/contact-options";
import { requireClient } from "@/server/auth";
import { contactPermissions } from "./contact-permissions";

/** Every client-area page calls this first: the sign-in without a session, the 403 page without `permission`. */
export const requireContact = async (permission: TContactPermission) => {
  const principal = await requireClient();
  const permissions = await contactPermissions(principal);
  if (!permissions.has(permission)) forbidden();
  return { ...principal, permissions };
};
