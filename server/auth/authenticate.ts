import "server-only";
import { db } from "@/server/db";
import { hashPassword, verifyPassword } from "./password";
import type { TClientPrincipal, TStaffPrincipal } from "./principal";

// NOTE: an unknown e-mail still costs one hash, so response time does not reveal which addresses exist.
const DUMMY_HASH = hashPassword("not a real password");

export const authenticateClient = async (email: string, password: string): Promise<TClientPrincipal | null> => {
  const contact = await db.contact.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, clientId: true, firstName: true, lastName: true, passwordHash: true, client: { select: { status: true } } },
  });
  const isValid = await verifyPassword(password, contact?.passwordHash ?? (await DUMMY_HASH));
  if (!contact?.passwordHash || !isValid || contact.client.status === "CLOSED") return null;
  return { kind: "client", contactId: contact.id, clientId: contact.clientId, name: `${contact.firstName} ${contact.lastName}` };
};

export const authenticateStaff = async (email: string, password: string): Promise<TStaffPrincipal | null> => {
  const staff = await db.staff.findUnique({ where: { email: email.trim().toLowerCase() } });
  const isValid = await verifyPassword(password, staff?.passwordHash ?? (await DUMMY_HASH));
  if (!staff?.passwordHash || !isValid || !staff.isActive) return null;
  return { kind: "staff", staffId: staff.id, name: staff.name };
};
