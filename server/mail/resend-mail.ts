import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import { emitEvents } from "@/server/workflows/emit";
import { mailQueuedEvent } from "./mail-queued-event";
import { mailSettings } from "./mail-settings";

export type ResendMailOptions = { mailId: string; staffId: string; now: Date };

/**
 * Staff "Resend": queues a mail that was not delivered (FAILED, held while no SMTP server was configured, or
 * waiting for a retry) for delivery now, with a fresh retry schedule, and announces it in the same transaction.
 * Audited with what the mail's state was before.
 * Refuses a mail the server already accepted (INVALID_STATE_TRANSITION: the dedupe key guarantees one delivery)
 * and any resend while no SMTP server is configured (SMTP_NOT_CONFIGURED); in both cases nothing changes.
 */
export const resendMail = async ({ mailId, staffId, now }: ResendMailOptions, client: DbClient = db) => {
  if (!mailSettings().smtpUrl) {
    throw new AppError("SMTP_NOT_CONFIGURED", { userMessage: "No SMTP server is configured (SMTP_URL), so the message cannot be sent. It stays in the outbox." });
  }
  const run = async (tx: DbClient) => {
    const mail = await tx.outboxMail.findUnique({ where: { id: mailId }, select: { status: true, attempts: true, lastError: true, nextAttemptAt: true } });
    if (!mail) throw new AppError("NOT_FOUND", { userMessage: "This message does not exist." });
    if (mail.status === "SENT") {
      throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "This message was already accepted by the mail server. It is not sent twice." });
    }
    const { count } = await tx.outboxMail.updateMany({
      where: { id: mailId, status: mail.status, attempts: mail.attempts, nextAttemptAt: mail.nextAttemptAt },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: now },
    });
    if (count !== 1) {
      throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "The message changed while it was being resent. Reload the page and try again." });
    }
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId },
        action: "mail.resend-requested",
        entity: { type: "OutboxMail", id: mailId },
        before: { status: mail.status, attempts: mail.attempts, nextAttemptAt: mail.nextAttemptAt },
        after: { status: "QUEUED", attempts: 0, nextAttemptAt: now },
        details: { previousError: mail.lastError },
      },
      tx,
    );
    await emitEvents([mailQueuedEvent(mailId, now)], tx);
    return { mailId, status: "QUEUED" as const };
  };
  return "$transaction" in client ? client.$transaction(run) : run(client);
};
