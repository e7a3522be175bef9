import "server-only";
import { type DbClient, db } from "@/server/db";
import type { TPrincipalRef } from "./principal-ref";

/** Stores a new password hash and ends every session of the account (session version + 1). */
export const setPassword = async ({ ref, passwordHash }: { ref: TPrincipalRef; passwordHash: string }, client: DbClient = db) => {
  const data = { passwordHash, sessionVersion: { increment: 1 } };
  if (ref.kind === "CONTACT") await client.contact.update({ where: { id: ref.id }, data });
  else await client.staff.update({ where: { id: ref.id }, data });
};

/** "Sign out everywhere": every session of the account ends on its next request. */
export const endAllSessions = async (ref: TPrincipalRef, client: DbClient = db) => {
  const data = { sessionVersion: { increment: 1 } };
  if (ref.kind === "CONTACT") await client.contact.update({ where: { id: ref.id }, data });
  else await client.staff.update({ where: { id: ref.id }, data });
};
