import "server-only";
import type { TContactEmailAction } from "@/lib/contact-options";
import { type DbClient, db } from "@/server/db";

export type TMailRecipient = { contactId: string; email: string; firstName: string; language: string; emailFormat: "HTML" | "TEXT"; isPrimary: boolean };

type TContactRow = { id: string; email: string; firstName: string; language: string; emailFormat: "HTML" | "TEXT"; isPrimary: boolean; emailActions: string[] };

const chooseRecipients = (contacts: readonly TContactRow[], action: TContactEmailAction): TMailRecipient[] => {
  const subscribed = contacts.filter((contact) => contact.emailActions.includes(action));
  const chosen = subscribed.length > 0 ? subscribed : contacts.filter((contact) => contact.isPrimary);
  return chosen.map(({ id, emailActions: _actions, ...contact }) => ({ contactId: id, ...contact }));
};

/**
 * The recipients of several e-mail actions of one client in one read (an order's confirmation and invoice
 * mails), each chosen as mailRecipients chooses them.
 */
export const mailRecipientsByAction = async <A extends TContactEmailAction>(
  { clientId, actions }: { clientId: string; actions: readonly A[] },
  client: DbClient = db,
): Promise<Record<A, TMailRecipient[]>> => {
  // NOTE: a plain statement: every order and invoice mail reads it, and Prisma's planning of the findMany cost
  // about four times the CPU of the query (issue #9).
  const contacts = await client.$queryRawUnsafe<TContactRow[]>(
    `SELECT id, email, "firstName", language, "emailFormat"::text AS "emailFormat", "isPrimary", "emailActions"
     FROM "Contact"
     WHERE "clientId" = $1 AND ("emailActions" && $2::text[] OR "isPrimary")
     ORDER BY "isPrimary" DESC, "createdAt" ASC`,
    clientId,
    [...actions],
  );
  return Object.fromEntries(actions.map((action) => [action, chooseRecipients(contacts, action)])) as Record<A, TMailRecipient[]>;
};

/**
 * The contacts of a client who receive mails of this e-mail action ("Email Actions" on each contact), primary
 * first. When no contact has ticked it, the primary contact receives it anyway: an invoice or a password for a
 * new package must reach someone on the account.
 */
export const mailRecipients = async ({ clientId, action }: { clientId: string; action: TContactEmailAction }, client: DbClient = db): Promise<TMailRecipient[]> =>
  (await mailRecipientsByAction({ clientId, actions: [action] }, client))[action];

/** The To: header for one mail to all of them (they are on the same account). */
export const recipientAddresses = (recipients: readonly TMailRecipient[]) => recipients.map((recipient) => recipient.email).join(", ");
