import "server-only";
import { type DbClient, db } from "@/server/db";
import type { TPrincipalRef } from "../principal-ref";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { decryptSecret } from "@/server/security/encryption";
import { verifyTotp } from "./totp";

/** The key of a principal's wrong-code lockout (RATE_LIMITS.twoFactor), shared by every place that takes a code. */
export const twoFactorLockoutKey = (kind: "client" | "staff", id: string) => `${kind}:${id}`;

export type TSecondFactorResult = { ok: true; method: "totp" | "recovery-code" } | { ok: false };

/**
 * Checks a code from the authenticator app or a recovery code against an enabled credential. Each is
 * accepted once: the TOTP step is recorded with a conditional update (a concurrent replay loses the race)
 * and a recovery code is marked used the same way.
 */
export const verifySecondFactor = async (
  { ref, code, now }: { ref: TPrincipalRef; code: string; now: Date },
  client: DbClient = db,
): Promise<TSecondFactorResult> => {
  const credential = await client.twoFactorCredential.findUnique({
    where: { principalKind_principalId: { principalKind: ref.kind, principalId: ref.id } },
  });
  if (!credential?.enabledAt) return { ok: false };
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = await verifyTotp({ secret: decryptSecret(credential.secretEncrypted), code: trimmed, lastUsedStep: credential.lastUsedStep });
    if (step === null) return { ok: false };
    const { count } = await client.twoFactorCredential.updateMany({
      where: { id: credential.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step },
    });
    return count === 1 ? { ok: true, method: "totp" } : { ok: false };
  }
  if (normalizeRecoveryCode(trimmed).length !== 10) return { ok: false };
  const { count } = await client.recoveryCode.updateMany({
    where: { credentialId: credential.id, codeHash: hashRecoveryCode(trimmed), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1 ? { ok: true, method: "recovery-code" } : { ok: false };
};
