import "server-only";
import { type DbClient, db } from "@/server/db";

/** The client's contacts, primary first. Never returns password hashes. */
export const listClientContacts = async ({ clientId }: { clientId: string }, client: DbClient = db) =>
  client.contact.findMany({
    where: { clientId },
    orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
    select: {
      id: true,
      isPrimary: true,
      company: true,
      firstName: true,
      lastName: true,
      email: true,
      address1: true,
      address2: true,
      city: true,
      state: true,
      zip: true,
      country: true,
      county: true,
      phone: true,
      phone2: true,
      fax: true,
      mobile: true,
      username: true,
      language: true,
      emailFormat: true,
      emailActions: true,
      permissions: true,
    },
  });
