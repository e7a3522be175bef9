import "server-only";
import { db, type DbClient } from "@/server/db";
import { describeMailDelivery } from "./describe-mail-delivery";
import { describeSmtpServer, mailSettings } from "./mail-settings";

const OUTBOX_LIST_LIMIT = 200;

const isSmtpConfigured = () => mailSettings().smtpUrl !== null;

/** How mail leaves the system, for the Mail Outbox page; the SMTP password is never part of it. */
export const getMailDeliverySettings = () => {
  const { smtpUrl, from, replyTo } = mailSettings();
  return { smtpServer: smtpUrl ? describeSmtpServer(smtpUrl) : null, from: smtpUrl ? from : null, replyTo };
};

/** The mail outbox, newest first, with where each mail stands; the bodies are left out and read one at a time. */
export const listOutboxMail = async (client: DbClient = db) => {
  const isConfigured = isSmtpConfigured();
  const mails = await client.outboxMail.findMany({
    orderBy: { createdAt: "desc" },
    take: OUTBOX_LIST_LIMIT,
    select: {
      id: true, to: true, subject: true, template: true, createdAt: true, sentAt: true,
      status: true, attempts: true, nextAttemptAt: true, lastError: true,
    },
  });
  return mails.map((mail) => ({ ...mail, delivery: describeMailDelivery(mail, isConfigured) }));
};

export const getOutboxMail = async ({ mailId }: { mailId: string }, client: DbClient = db) => {
  const mail = await client.outboxMail.findUnique({
    where: { id: mailId },
    select: {
      id: true, to: true, subject: true, template: true, text: true, html: true, createdAt: true, sentAt: true, clientId: true,
      status: true, attempts: true, nextAttemptAt: true, lastAttemptAt: true, lastError: true, messageId: true, serverReply: true,
    },
  });
  if (!mail) return null;
  const isConfigured = isSmtpConfigured();
  // NOTE: resending needs a server to send to, and an accepted mail is never delivered twice (its dedupe key).
  return { ...mail, delivery: describeMailDelivery(mail, isConfigured), canResend: isConfigured && mail.status !== "SENT" };
};
