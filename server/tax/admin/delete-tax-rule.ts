import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import { inTransaction } from "@/server/workflows/embedded/sql";
import { auditShape, RULE_SELECT } from "./tax-rule-audit";

/** Admin → Taxes → Delete. Invoices already issued keep their taxes (they are copied onto each line). */
export const deleteTaxRule = async ({ ruleId, staffId }: { ruleId: string; staffId: string }, client: DbClient = db) =>
  inTransaction(client, async (tx) => {
    const before = await tx.taxRule.findUnique({ where: { id: ruleId }, select: RULE_SELECT });
    if (!before) throw new AppError("NOT_FOUND", { userMessage: "This tax rule no longer exists." });
    await tx.taxRule.delete({ where: { id: ruleId } });
    await writeAuditEntry({ actor: { kind: "staff", staffId }, action: "taxes.rule-deleted", entity: { type: "TaxRule", id: ruleId }, before: auditShape(before) }, tx);
    return { ruleId };
  });
