import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/server/db";
import { mailTranslator } from "@/server/i18n/mail-translator";
import { queueMail } from "@/server/mail/queue-mail";
import { renderMail } from "@/server/mail/render-mail";
import { consumeRateLimit, RATE_LIMITS } from "@/server/security/rate-limit";
import type { TSignInKind } from "../authenticate";

export const RESET_TOKEN_MINUTES = 30;

export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

const findRecipient = async (kind: TSignInKind, email: string) => {
  if (kind === "client") {
    const contact = await db.contact.findUnique({ where: { email }, select: { id: true, clientId: true, firstName: true, passwordHash: true, language: true } });
    return contact?.passwordHash
      ? { ref: { kind: "CONTACT" as const, id: contact.id }, name: contact.firstName, clientId: contact.clientId, language: contact.language }
      : null;
  }
  const staff = await db.staff.findUnique({ where: { email }, select: { id: true, name: true } });
  // The admin area is English, and so are its mails.
  return staff ? { ref: { kind: "STAFF" as const, id: staff.id }, name: staff.name, clientId: undefined, language: "en" } : null;
};

/**
 * "Forgot your password?": when the address belongs to an account, stores the SHA-256 of a random token valid
 * 30 minutes and mails the link. The caller always shows the same answer, and an unknown address costs about
 * the same time (one lookup and one insert-sized write are all a known one adds before the mail is queued).
 */
export const requestPasswordReset = async ({ kind, email, ip, baseUrl, now }: { kind: TSignInKind; email: string; ip: string; baseUrl: string; now: Date }) => {
  const normalized = email.trim().toLowerCase();
  await consumeRateLimit(RATE_LIMITS.passwordResetIp, [ip]);
  await consumeRateLimit(RATE_LIMITS.passwordResetEmail, [`${kind}:${normalized}`]);
  const recipient = await findRecipient(kind, normalized);
  const token = randomBytes(32).toString("base64url");
  if (!recipient) return;
  const link = `${baseUrl}${kind === "client" ? "/login/reset" : "/admin/login/reset"}?token=${token}`;
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: { principalKind: recipient.ref.kind, principalId: recipient.ref.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000) },
    });
    const { t, locale } = mailTranslator(recipient.language);
    const mail = renderMail({
      locale,
      subject: t("passwordReset.subject"),
      blocks: [t("greeting", { name: recipient.name }), t("passwordReset.asked", { kind, minutes: RESET_TOKEN_MINUTES }), link, t("passwordReset.ignore")],
    });
    await queueMail({ ...mail, dedupeKey: `password-reset:${hashResetToken(token)}`, template: "password-reset", to: normalized, clientId: recipient.clientId, now }, tx);
  });
};
