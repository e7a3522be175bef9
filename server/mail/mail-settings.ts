import "server-only";
import addressparser from "nodemailer/lib/addressparser";
import { ZMailEnv } from "@/env.mjs";

/** Used only to build Message-IDs when MAIL_FROM is unset, i.e. while no SMTP server is configured. */
const FALLBACK_FROM = "Hostlane <no-reply@hostlane.invalid>";

export type MailSettings = {
  /** The SMTP_URL, credentials included; null: mail is kept in the outbox, not sent. */
  smtpUrl: string | null;
  from: string;
  replyTo: string | null;
  /** The domain of the From address: the right-hand side of every Message-ID. */
  messageIdDomain: string;
};

/**
 * Mail settings from the environment (SMTP_URL, MAIL_FROM, MAIL_REPLY_TO; env.mjs validates them at start and
 * this re-reads them on each call with the same schema, so a test can point delivery at its own server).
 * Throws naming the variable when one is malformed.
 */
export const mailSettings = (environment: Record<string, string | undefined> = process.env): MailSettings => {
  const parsed = ZMailEnv.safeParse(environment);
  if (!parsed.success) {
    throw new Error(`Invalid mail settings: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  }
  const { SMTP_URL, MAIL_FROM, MAIL_REPLY_TO } = parsed.data;
  const from = MAIL_FROM ?? FALLBACK_FROM;
  const [mailbox] = addressparser(from);
  return {
    smtpUrl: SMTP_URL ?? null,
    from,
    replyTo: MAIL_REPLY_TO ?? null,
    messageIdDomain: mailbox?.address?.split("@")[1] ?? "hostlane.invalid",
  };
};

/** The SMTP server for display: scheme, host, port and user, never the password. */
export const describeSmtpServer = (smtpUrl: string) => {
  const url = new URL(smtpUrl);
  const isImplicitTls = url.protocol === "smtps:";
  const port = url.port || (isImplicitTls ? "465" : "587");
  const user = url.username ? ` as ${decodeURIComponent(url.username)}` : "";
  return `${url.hostname}:${port} (${isImplicitTls ? "TLS" : "STARTTLS when offered"}${user})`;
};
