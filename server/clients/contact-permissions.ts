import "server-only";
import { ALL_CONTACT_PERMISSIONS, type TContactPermission } from "@/lib/contact-options";
import type { TClientPrincipal } from "@/server/auth/principal";
import { type DbClient, db } from "@/server/db";

/**
 * What the signed-in contact may do, read from the database on every request (as staff permissions are), so
 * a change by the primary contact applies at once. The primary contact holds every permission.
 */
export const contactPermissions = async (principal: TClientPrincipal, client: DbClient = db): Promise<ReadonlySet<TContactPermission>> => {
  // NOTE: a plain statement: every client procedure runs it, and Prisma's per-call planning of the findFirst cost
  // more CPU than the query itself (issue #9).
  const [contact] = await client.$queryRawUnsafe<{ isPrimary: boolean; permissions: string[] }[]>(
    `SELECT "isPrimary", permissions FROM "Contact" WHERE id = $1 AND "clientId" = $2`,
    principal.contactId,
    principal.clientId,
  );
  if (!contact) return new Set();
  if (contact.isPrimary) return new Set(ALL_CONTACT_PERMISSIONS);
  return new Set(ALL_CONTACT_PERMISSIONS.filter((permission) => contact.permissions.includes(permission)));
};

export const FORBIDDEN_CONTACT_MESSAGE = "Your contact does not have permission for this part of the account. Ask the account's primary contact.";
