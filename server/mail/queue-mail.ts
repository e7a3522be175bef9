import "server-only";
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
  now: Date;
};

/**
 * Puts an e-mail in the outbox and announces it (`mail/queued`); the deliver-mail workflow sends it after commit.
 * Called with the transaction of the change it reports (placeOrder), the mail and its announcement commit
 * together with that change. Called with the root client they are two writes; a lost announcement is harmless,
 * because the mail is due from the moment it is queued and the outbox sweep announces it within a minute.
 * Without SMTP configured it stays in the outbox and staff read it in the admin area.
 * Returns whether this call queued it (false: it was already queued, and nothing is announced again).
 */
export const queueMail = async ({ now, ...mail }: QueueMailOptions, client: DbClient = db) => {
  const [queued] = await client.outboxMail.createManyAndReturn({
    data: [{ ...mail, createdAt: now, nextAttemptAt: now }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!queued) return false;
  await emitEvents([mailQueuedEvent(queued.id, now)], client);
  return true;
};
