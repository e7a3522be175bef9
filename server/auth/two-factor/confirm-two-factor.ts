import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { type TPrincipal } from "../principal";
import { auditActorOf, auditEntityOf, principalRefOf } from "../principal-ref";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { decryptSecret } from "@/server/security/encryption";
import { verifyTotp } from "./totp";

const WRONG_CODE = new AppError("INVALID_INPUT", { userMessage: "That code is not correct.", fieldErrors: { code: ["That code is not correct. Enter the 6-digit code your app shows now."] } });

/**
 * Enrolment's second step: a code from the app proves the secret was stored. Turns two-factor on and returns
 * ten recovery codes, shown once; only their hashes are kept.
 */
export const confirmTwoFactor = async ({ principal, code, now, request }: { principal: TPrincipal; code: string; now: Date; request?: { ip?: string } }, client: typeof db = db) => {
  const ref = principalRefOf(principal);
  return client.$transaction(async (tx) => {
    const credential = await tx.twoFactorCredential.findUnique({ where: { principalKind_principalId: { principalKind: ref.kind, principalId: ref.id } } });
    if (!credential || credential.enabledAt) {
      throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "Start the set-up again: there is no pending two-factor set-up." });
    }
    const step = await verifyTotp({ secret: decryptSecret(credential.secretEncrypted), code: code.trim(), lastUsedStep: null });
    if (step === null) throw WRONG_CODE;
    const codes = newRecoveryCodes();
    await tx.twoFactorCredential.update({ where: { id: credential.id }, data: { enabledAt: now, lastUsedStep: step } });
    await tx.recoveryCode.deleteMany({ where: { credentialId: credential.id } });
    await tx.recoveryCode.createMany({ data: codes.map((recovery) => ({ credentialId: credential.id, codeHash: hashRecoveryCode(recovery) })) });
    await writeAuditEntry({ actor: auditActorOf(principal), action: "two-factor.enabled", entity: auditEntityOf(ref), request }, tx);
    return { recoveryCodes: codes };
  });
};
