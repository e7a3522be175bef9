import "server-only";
import { TRPCError } from "@trpc/server";
import type { TContactPermission } from "@/lib/contact-options";
import { clientProcedure } from "@/server/trpc/init";
import { contactPermissions, FORBIDDEN_CONTACT_MESSAGE } from "./contact-permissions";

/**
 * A client-area procedure for contacts holding `permission` (the primary contact holds all). Every client
 * procedure uses this instead of bare clientProcedure, except the signed-in contact's own security settings.
 */
export const contactProcedure = (permission: TContactPermission) =>
  clientProcedure.use(async ({ ctx, next }) => {
    if (!(await contactPermissions(ctx.principal)).has(permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: FORBIDDEN_CONTACT_MESSAGE });
    }
    return next({ ctx });
  });
