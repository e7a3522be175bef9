import "server-only";
import QRCode from "qrcode";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TPrincipalRef } from "../principal-ref";
import { decryptSecret, encryptSecret } from "@/server/security/encryption";
import { newTotpSecret, totpUri } from "./totp";

/**
 * Enrolment's first step: a new secret (encrypted at rest), not yet enabled. Starting again replaces a pending
 * one; an enabled one must be disabled first (with a code), so a stolen session cannot silently swap it.
 */
export const startTwoFactorEnrolment = async ({ ref, label }: { ref: TPrincipalRef; label: string }, client: DbClient = db) => {
  const where = { principalKind_principalId: { principalKind: ref.kind, principalId: ref.id } };
  const existing = await client.twoFactorCredential.findUnique({ where, select: { enabledAt: true } });
  if (existing?.enabledAt) {
    throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "Two-factor authentication is already on. Turn it off first to set up a new device." });
  }
  const secret = newTotpSecret();
  const secretEncrypted = encryptSecret(secret);
  await client.twoFactorCredential.upsert({
    where,
    create: { principalKind: ref.kind, principalId: ref.id, secretEncrypted },
    update: { secretEncrypted, lastUsedStep: null },
  });
  return enrolmentView(secret, label);
};

/** What the enrolment page shows for a pending secret: the QR code (a data URL, nothing fetched) and the secret. */
const enrolmentView = async (secret: string, label: string) => {
  const uri = totpUri(secret, label);
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
};

/** The pending enrolment of a principal, if any (the page is reloaded between the two steps). */
export const readPendingEnrolment = async ({ ref, label }: { ref: TPrincipalRef; label: string }, client: DbClient = db) => {
  const credential = await client.twoFactorCredential.findUnique({
    where: { principalKind_principalId: { principalKind: ref.kind, principalId: ref.id } },
  });
  if (!credential || credential.enabledAt) return null;
  return enrolmentView(decryptSecret(credential.secretEncrypted), label);
};

export const isTwoFactorEnabled = async (ref: TPrincipalRef, client: DbClient = db) => {
  const credential = await client.twoFactorCredential.findUnique({
    where: { principalKind_principalId: { principalKind: ref.kind, principalId: ref.id } },
    select: { enabledAt: true },
  });
  return Boolean(credential?.enabledAt);
};
