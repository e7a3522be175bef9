import "server-only";
import { type DbClient, db } from "@/server/db";
import { ZRecordId } from "@/server/validation/safe-text";
import { formatTaxRate } from "../tax-rate";

const toDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** Admin → Taxes: every rule, by country, state, level and start, with its rate as a decimal string. */
export const listTaxRules = async (client: DbClient = db, where: { id?: string } = {}) => {
  const rules = await client.taxRule.findMany({
    where,
    orderBy: [{ country: "asc" }, { state: "asc" }, { level: "asc" }, { effectiveFrom: "asc" }],
    select: {
      id: true, name: true, country: true, state: true, rateMillionths: true, level: true, compound: true, productTypes: true,
      effectiveFrom: true, effectiveTo: true,
    },
  });
  return rules.map(({ rateMillionths, effectiveFrom, effectiveTo, ...rule }) => ({
    ...rule,
    rate: formatTaxRate(rateMillionths),
    effectiveFrom: toDay(effectiveFrom),
    effectiveTo: toDay(effectiveTo),
  }));
};

/** One rule for Admin → Taxes → Edit; null for an unknown or malformed id. */
export const findTaxRuleForEdit = async (ruleId: string, client: DbClient = db) => {
  if (!ZRecordId.safeParse(ruleId).success) return null;
  const rules = await listTaxRules(client, { id: ruleId });
  return rules[0] ?? null;
};

export type TTaxRuleRow = Awaited<ReturnType<typeof listTaxRules>>[number];
