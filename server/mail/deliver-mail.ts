import "server-only";
import { type DbClient, db } from "@/server/db";
import { nextMailAttemptAt } from "./mail-retry-schedule";
import { mailSettings } from "./mail-settings";
import { sendSmtpMail } from "./send-smtp-mail";
import { classifySmtpFailure } from "./smtp-failure";

export type DeliverMailOptions = { mailId: string; now: Date };

/**
 * Delivers one outbox mail over SMTP if it is QUEUED and due, and records the verdict on the row:
 * - accepted → SENT, with the server's reply and the Message-ID;
 * - a 4xx reply or a connection error → still QUEUED, `attempts`, `lastError` and the next attempt from the
 *   retry schedule (the mail-outbox sweep announces it when it is due); after the last retry → FAILED;
 * - a 5xx reply → FAILED, with the server's reply;
 * - no SMTP server configured → held (QUEUED, no next attempt) until staff resend it.
 *
 * Idempotent: a mail that is SENT (or not due, or FAILED) is left alone, so a replayed event, the sweep and a
 * restarted executor never deliver an accepted mail again. Every write is conditional on the row as read, so a
 * resend that lands meanwhile is not overwritten. No transaction is held while talking to the server.
 * Throws only when the database does; the workflow's retries cover that (see mailMessageId for the one gap).
 */
export const deliverMail = async ({ mailId, now }: DeliverMailOptions, client: DbClient = db) => {
  const mail = await client.outboxMail.findUnique({
    where: { id: mailId },
    select: { dedupeKey: true, to: true, fromAddress: true, subject: true, text: true, html: true, createdAt: true, status: true, attempts: true, nextAttemptAt: true },
  });
  if (!mail) return { outcome: "MISSING" as const };
  if (mail.status === "SENT") return { outcome: "ALREADY_SENT" as const };
  if (mail.status !== "QUEUED" || !mail.nextAttemptAt || mail.nextAttemptAt > now) return { outcome: "NOT_DUE" as const };
  const asRead = { id: mailId, status: "QUEUED" as const, attempts: mail.attempts, nextAttemptAt: mail.nextAttemptAt };

  const settings = mailSettings();
  if (!settings.smtpUrl) {
    await client.outboxMail.updateMany({ where: asRead, data: { nextAttemptAt: null } });
    return { outcome: "HELD" as const };
  }

  const attempts = mail.attempts + 1;
  let accepted: Awaited<ReturnType<typeof sendSmtpMail>>;
  try {
    accepted = await sendSmtpMail({ ...settings, smtpUrl: settings.smtpUrl }, mail);
  } catch (error) {
    const { isPermanent, reply } = classifySmtpFailure(error);
    const nextAttemptAt = isPermanent ? null : nextMailAttemptAt(attempts, now);
    const status = nextAttemptAt ? "QUEUED" : "FAILED";
    await client.outboxMail.updateMany({ where: asRead, data: { status, attempts, lastAttemptAt: now, lastError: reply, nextAttemptAt } });
    console.warn(`[mail] ${mailId} to ${mail.to}: attempt ${attempts} failed (${reply}); ${nextAttemptAt ? `retry at ${nextAttemptAt.toISOString()}` : "FAILED"}`);
    return { outcome: nextAttemptAt ? ("RETRY_SCHEDULED" as const) : ("FAILED" as const), attempts, reply, nextAttemptAt };
  }

  await client.outboxMail.updateMany({
    where: asRead,
    data: { status: "SENT", sentAt: now, attempts, lastAttemptAt: now, nextAttemptAt: null, lastError: null, messageId: accepted.messageId, serverReply: accepted.reply },
  });
  return { outcome: "SENT" as const, attempts, reply: accepted.reply, messageId: accepted.messageId };
};
