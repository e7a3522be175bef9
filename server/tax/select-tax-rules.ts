import type { ProductType } from "@/server/db/generated/client";
import type { TLineTaxRule } from "./compute-line-taxes";

/** A stored rule as far as choosing it goes (see TaxRule in prisma/models/catalog.prisma). */
export type TCandidateTaxRule = TLineTaxRule & {
  country: string | null;
  state: string | null;
  productTypes: readonly ProductType[];
  effectiveFrom: Date;
  effectiveTo: Date | null;
  createdAt: Date;
};

const specificity = (rule: TCandidateTaxRule) => (rule.state ? 2 : rule.country ? 1 : 0);
const isNewer = (a: TCandidateTaxRule, b: TCandidateTaxRule) =>
  a.effectiveFrom.getTime() !== b.effectiveFrom.getTime() ? a.effectiveFrom > b.effectiveFrom : a.createdAt > b.createdAt;

/**
 * The rules that tax one line: per level, the most specific rule in effect at `at` for the address and the
 * product type (country and state, then country, then everywhere; on a tie the newest period). Level 1 and
 * level 2 rules stack, so a state tax can come on top of a national one.
 */
export const selectTaxRules = (
  rules: readonly TCandidateTaxRule[],
  { country, state, productType, at }: { country: string; state: string; productType: ProductType; at: Date },
): TLineTaxRule[] => {
  const normalizedState = state.trim().toUpperCase();
  const best = new Map<number, TCandidateTaxRule>();
  for (const rule of rules) {
    if (rule.effectiveFrom > at || (rule.effectiveTo && rule.effectiveTo <= at)) continue;
    if (rule.country && rule.country !== country) continue;
    if (rule.state && rule.state.trim().toUpperCase() !== normalizedState) continue;
    if (rule.productTypes.length > 0 && !rule.productTypes.includes(productType)) continue;
    const chosen = best.get(rule.level);
    if (!chosen || specificity(rule) > specificity(chosen) || (specificity(rule) === specificity(chosen) && isNewer(rule, chosen))) {
      best.set(rule.level, rule);
    }
  }
  return [...best.values()]
    .sort((a, b) => a.level - b.level)
    .map(({ name, rateMillionths, level, compound }) => ({ name, rateMillionths, level, compound }));
};
