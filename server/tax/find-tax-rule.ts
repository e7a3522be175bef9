import "server-only";
import { type DbClient, db } from "@/server/db";
import type { TAppliedTaxRule } from "./compute-line-tax";

export type FindTaxRuleOptions = { country: string; state: string; at: Date };

/**
 * The one tax rule for a billing address at a moment: the most specific rule in effect wins
 * (country and state, then country only, then a rule for everywhere). Compound taxes are not modelled yet,
 * so rules never stack.
 */
export const findTaxRule = async ({ country, state, at }: FindTaxRuleOptions, client: DbClient = db): Promise<TAppliedTaxRule> => {
  const normalizedState = state.trim().toUpperCase();
  const rules = await client.taxRule.findMany({
    where: {
      effectiveFrom: { lte: at },
      OR: [{ effectiveTo: null }, { effectiveTo: { gt: at } }],
      AND: [{ OR: [{ country: null }, { country }] }],
    },
    select: { name: true, country: true, state: true, rateBasisPoints: true, effectiveFrom: true },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
  });
  const matching = rules.filter((rule) => !rule.state || rule.state.trim().toUpperCase() === normalizedState);
  const specificity = (rule: (typeof matching)[number]) => (rule.state ? 2 : rule.country ? 1 : 0);
  const best = matching.reduce<(typeof matching)[number] | null>(
    // NOTE: rules are ordered newest first, so on equal specificity the newest effective rule stays.
    (chosen, rule) => (!chosen || specificity(rule) > specificity(chosen) ? rule : chosen),
    null,
  );
  return best ? { name: best.name, rateBasisPoints: best.rateBasisPoints } : null;
};
