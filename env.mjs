// Environment, validated once. next.config imports this so a bad environment fails the build.
import addressparser from "nodemailer/lib/addressparser";
import { z } from "zod";

/** An empty variable (`SMTP_URL=` in a .env file) counts as unset. */
const optional = (schema) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** One mailbox for a From or Reply-To header: `billing@example.com` or `Example Hosting <billing@example.com>`. */
const mailbox = z.string().refine((value) => {
  const parsed = addressparser(value);
  return parsed.length === 1 && /^[^\s@]+@[^\s@]+$/.test(parsed[0].address ?? "");
}, "must be one e-mail address, e.g. Example Hosting <billing@example.com>");

// Mail delivery (README "Mail"). server/mail/mail-settings.ts reads these at call time with the same schema.
const mailFields = {
  /**
   * The SMTP server mail is delivered through: smtp://[user:password@]host[:port] (STARTTLS when the server offers
   * it; ?requireTLS=true refuses to send without it) or smtps://… (TLS from the first byte, port 465).
   * Unset: mail stays in Admin → Settings → Mail Outbox, not sent.
   */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })),
  /** The From header of every mail; required when SMTP_URL is set. */
  MAIL_FROM: optional(mailbox),
  /** The Reply-To header, where replies should go when not to MAIL_FROM. */
  MAIL_REPLY_TO: optional(mailbox),
};
/** @param {{ SMTP_URL?: string; MAIL_FROM?: string }} mail */
const hasFromWhenSmtp = (mail) => !mail.SMTP_URL || Boolean(mail.MAIL_FROM);
const fromRequired = { path: ["MAIL_FROM"], message: "is required when SMTP_URL is set" };

export const ZMailEnv = z.object(mailFields).refine(hasFromWhenSmtp, fromRequired);

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL URL. Unset: the embedded PGlite database in PGLITE_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** embedded or inngest; unset: inngest when an Inngest server's keys are set (server/workflows/engine.ts). */
  WORKFLOW_ENGINE: z.enum(["embedded", "inngest"]).optional(),
  /**
   * Set only by the e2e runner (scripts/app-server.mjs): /api/test/* (clock and drain) answer only with both
   * E2E_HOOKS=1 and the run's random token in a header (app/api/test/hooks-guard.ts). Never in deployments.
   */
  E2E_HOOKS: z.enum(["0", "1"]).default("0"),
  E2E_HOOKS_TOKEN: optional(z.string().min(32)),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (README "Rate limits"). 0: the app is
   * reached directly and the client's address is the one Next.js records for the connection.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** The VIES REST API (server/tax/vies/vies-client.ts reads it at call time); unset: the European Commission's. */
  VIES_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" })),
  VIES_TIMEOUT_MS: optional(z.coerce.number().int().min(100).max(60_000)),
  ...mailFields,
}).refine(hasFromWhenSmtp, fromRequired);

const parsed = ZEnv.safeParse(process.env);
if (!parsed.success) {
  console.error("Invalid environment:", z.prettifyError(parsed.error));
  throw new Error("Invalid environment variables");
}

export const env = parsed.data;
