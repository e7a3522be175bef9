import "server-only";
import { db } from "@/server/db";
import type { TPrincipal } from "./principal";

/** Client accounts in these states cannot sign in, and their existing sessions end on the next request. */
export const BLOCKED_CLIENT_STATUSES = new Set(["CLOSED", "FRAUD"]);

/**
 * Whether a session still stands: the account exists, may sign in, and its session version is the one the
 * session was issued with (raised by a password change or reset and by "sign out everywhere").
 */
export const isSessionCurrent = async (principal: TPrincipal, sessionVersion: unknown): Promise<boolean> => {
  if (typeof sessionVersion !== "number") return false;
  if (principal.kind === "client") {
    // NOTE: one plain statement: it runs on every signed-in client request, and the nested Prisma read planned
    // two queries afresh each time (about four times the CPU of this one; issue #9).
    const [contact] = await db.$queryRawUnsafe<{ sessionVersion: number; clientId: string; status: string }[]>(
      `SELECT c."sessionVersion", c."clientId", cl.status::text AS status FROM "Contact" c JOIN "Client" cl ON cl.id = c."clientId" WHERE c.id = $1`,
      principal.contactId,
    );
    return Boolean(contact && contact.clientId === principal.clientId && contact.sessionVersion === sessionVersion && !BLOCKED_CLIENT_STATUSES.has(contact.status));
  }
  const staff = await db.staff.findUnique({ where: { id: principal.staffId }, select: { sessionVersion: true, isActive: true } });
  return Boolean(staff && staff.isActive && staff.sessionVersion === sessionVersion);
};
