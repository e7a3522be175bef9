import "server-only";
import { mailFromForClient } from "@/server/brands/brand-queries";
import { type DbClient, db } from "@/server/db";
import { emitEvents } from "@/server/workflows/emit";
import { mailQueuedEvent } from "./mail-queued-event";
import type { RenderedMail } from "./render-mail";

export type QueueMailOptions = RenderedMail & {
  /** Business key, e.g. "welcome:<serviceId>": the same mail is never queued twice, so retried steps are safe. */
  dedupeKey: string;
  template: string;
  to: string;
  clientId?: string;
  /**
   * The client's brand sender (mailFromForClient), when the caller has already read it in the same
   * transaction; absent: read here.
   */
  fromAddress?: string | null;
  now: Date;
};

/**
 * Puts an e-mail in the outbox and announces it (`mail/queued`); the deliver-mail workflow sends it after commit.
 * Called with the transaction of the change it reports (placeOrder), the mail and its announcement commit
 * together with that change. Called with the root client they are two writes; a lost announcement is harmless,
 * because the mail is due from the moment it is queued and the outbox sweep announces it within a minute.
 * Without SMTP configured it stays in the outbox and staff read it in the admin area. A client's mail is sent
 * from its brand's sender when the brand has one.
 * Returns whether this call queued it (false: it was already queued, and nothing is announced again).
 */
export const queueMail = async ({ now, fromAddress: knownFromAddress, ...mail }: QueueMailOptions, client: DbClient = db) => {
  // NOTE: a client's mails come from its brand's sender, fixed when queued (a later brand change does not
  // re-address mail already in the outbox).
  const fromAddress = knownFromAddress !== undefined ? knownFromAddress : mail.clientId ? await mailFromForClient({ clientId: mail.clientId }, client) : null;
  const [queued] = await client.outboxMail.createManyAndReturn({
    data: [{ ...mail, fromAddress, createdAt: now, nextAttemptAt: now }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!queued) return false;
  await emitEvents([mailQueuedEvent(queued.id, now)], client);
  return true;
};
