import "server-only";
import { type DbClient, db } from "@/server/db";

export type QueueMailOptions = {
  /** Business key, e.g. "welcome:<serviceId>": the same mail is never queued twice, so retried steps are safe. */
  dedupeKey: string;
  template: string;
  to: string;
  subject: string;
  text: string;
  clientId?: string;
};

/**
 * Puts an e-mail in the outbox. Without SMTP configured it stays there and staff read it in the admin area.
 * Returns whether this call queued it (false: it was already queued).
 */
export const queueMail = async (mail: QueueMailOptions, client: DbClient = db) => {
  const { count } = await client.outboxMail.createMany({ data: [mail], skipDuplicates: true });
  return count === 1;
};
