import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TPrincipal } from "../principal";
import { auditActorOf, auditEntityOf, principalRefOf } from "../principal-ref";
import { verifySecondFactor } from "./verify-second-factor";

/** Turns two-factor off; needs a current code (or a recovery code), so a borrowed session cannot do it. */
export const disableTwoFactor = async ({ principal, code, now, request }: { principal: TPrincipal; code: string; now: Date; request?: { ip?: string } }, client: typeof db = db) => {
  const ref = principalRefOf(principal);
  return client.$transaction(async (tx) => {
    const result = await verifySecondFactor({ ref, code, now }, tx);
    if (!result.ok) {
      throw new AppError("INVALID_INPUT", { userMessage: "That code is not correct.", fieldErrors: { code: ["That code is not correct."] } });
    }
    await tx.twoFactorCredential.delete({ where: { principalKind_principalId: { principalKind: ref.kind, principalId: ref.id } } });
    await writeAuditEntry({ actor: auditActorOf(principal), action: "two-factor.disabled", entity: auditEntityOf(ref), details: { method: result.method }, request }, tx);
  });
};
