import "server-only";
import { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { type DbClient, db } from "@/server/db";
import { AppError, type FieldErrors } from "@/server/errors";
import { inTransaction } from "@/server/workflows/embedded/sql";
import { parseTaxRate } from "../tax-rate";
import { auditShape, RULE_SELECT } from "./tax-rule-audit";
import { ZTaxRuleFields } from "./tax-admin.schemas";

const invalid = (fieldErrors: FieldErrors) =>
  new AppError("INVALID_INPUT", { userMessage: "Please correct the highlighted fields.", fieldErrors });

const toDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** Validates the form: zod shapes, then the rules between fields. Throws field errors; returns the row data. */
const toRuleData = (raw: unknown) => {
  const parsed = ZTaxRuleFields.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as FieldErrors);
  const fields = parsed.data;
  const errors: FieldErrors = {};
  const rateMillionths = parseTaxRate(fields.rate);
  if (rateMillionths === null) errors.rate = ["Enter a rate from 0 to 100 %, with at most four decimals (e.g. 9.975)."];
  if (fields.state && !fields.country) errors.state = ["A state needs a country."];
  if (fields.compound && fields.level !== 2) errors.compound = ["Only a level 2 tax can be compound (charged on top of the level 1 tax)."];
  const effectiveFrom = toDay(fields.effectiveFrom);
  const effectiveTo = fields.effectiveTo ? toDay(fields.effectiveTo) : null;
  if (Number.isNaN(effectiveFrom.getTime())) errors.effectiveFrom = ["Enter a valid date."];
  if (effectiveTo && (Number.isNaN(effectiveTo.getTime()) || effectiveTo <= effectiveFrom)) errors.effectiveTo = ["The end date must be after the start date."];
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return {
    name: fields.name,
    rateMillionths: rateMillionths!,
    country: fields.country || null,
    state: fields.state || null,
    level: fields.level,
    compound: fields.compound,
    productTypes: [...new Set(fields.productTypes)],
    effectiveFrom,
    effectiveTo,
  };
};

/**
 * Admin → Taxes → Add or Edit: creates a rule, or changes one (`ruleId`). A rate change meant for the future
 * is a new dated rule, not an edit: issued invoices keep their rate either way. Audited in the same transaction.
 */
export const saveTaxRule = async ({ ruleId, fields, staffId }: { ruleId?: string; fields: unknown; staffId: string }, client: DbClient = db) => {
  const data = toRuleData(fields);
  return inTransaction(client, async (tx) => {
    const before = ruleId ? await tx.taxRule.findUnique({ where: { id: ruleId }, select: RULE_SELECT }) : null;
    if (ruleId && !before) throw new AppError("NOT_FOUND", { userMessage: "This tax rule no longer exists." });
    const rule = ruleId
      ? await tx.taxRule.update({ where: { id: ruleId }, data, select: { id: true } })
      : await tx.taxRule.create({ data, select: { id: true } });
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId },
        action: ruleId ? "taxes.rule-updated" : "taxes.rule-created",
        entity: { type: "TaxRule", id: rule.id },
        ...(before ? { before: auditShape(before) } : {}),
        after: auditShape(data),
      },
      tx,
    );
    return rule;
  });
};
