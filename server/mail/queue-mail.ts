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
 * Puts an e-mail in the outbox and announces it (`mail/queued`) in the same transaction, so it exists exactly
 * when the change it reports does; the deliver-mail workflow sends it after commit. Without SMTP configured it
 * stays there and staff read it in the admin area.
 * Returns whether this call queued it (false: it was already queued, and nothing is announced again).
 */
export const queueMail = async ({ now, ...mail }: QueueMailOptions, client: DbClient = db) => {
  const run = async (tx: DbClient) => {
    const [queued] = await tx.outboxMail.createManyAndReturn({
      data: [{ ...mail, createdAt: now, nextAttemptAt: now }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!queued) return false;
    await emitEvents([mailQueuedEvent(queued.id, now)], tx);
    return true;
  };
  return "$transaction" in client ? client.$transaction(run) : run(client);
};
