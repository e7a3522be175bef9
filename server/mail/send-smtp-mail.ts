import "server-only";
import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import type { MailSettings } from "./mail-settings";

/**
 * Give-up times for one attempt, shorter than nodemailer's defaults (2 min to connect, 10 min idle) so a dead
 * server fails the attempt quickly and the retry schedule takes over. SMTP_URL query parameters override them.
 */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/**
 * The Message-ID, derived from the dedupe key only.
 * WARNING: it must stay deterministic. The one gap the outbox cannot close is a crash after the server accepted
 * the message but before SENT was recorded: the retry then sends it again. Because the repeat carries the same
 * Message-ID (and Date), receivers and mailbox providers that deduplicate on Message-ID show it once.
 */
export const mailMessageId = (dedupeKey: string, domain: string) =>
  `<${createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32)}@${domain}>`;

export type SmtpMail = { dedupeKey: string; to: string; fromAddress: string | null; subject: string; text: string; html: string | null; createdAt: Date };

/**
 * Hands one mail to the SMTP server in SMTP_URL (one connection per mail; volumes are a few mails per order).
 * Resolves with the server's reply once it accepted the message; rejects with nodemailer's error otherwise
 * (see classifySmtpFailure).
 */
export const sendSmtpMail = async (settings: MailSettings & { smtpUrl: string }, mail: SmtpMail) => {
  const transport = nodemailer.createTransport({ ...TIMEOUTS, url: settings.smtpUrl });
  try {
    const messageId = mailMessageId(mail.dedupeKey, settings.messageIdDomain);
    const info = await transport.sendMail({
      from: mail.fromAddress ?? settings.from,
      replyTo: settings.replyTo ?? undefined,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      messageId,
      date: mail.createdAt,
    });
    return { messageId, reply: info.response };
  } finally {
    transport.close();
  }
};
