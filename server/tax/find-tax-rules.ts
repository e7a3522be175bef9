import "server-only";
import { type DbClient, db } from "@/server/db";
import type { TCandidateTaxRule } from "./select-tax-rules";

export type FindTaxRulesOptions = { country: string; at: Date };

/**
 * Every rule that can apply to an address in `country` at `at` (the country's own rules and those for
 * everywhere), loaded once per quote; selectTaxRules then picks per line, state and product type.
 */
export const findTaxRules = async ({ country, at }: FindTaxRulesOptions, client: DbClient = db): Promise<TCandidateTaxRule[]> =>
  client.taxRule.findMany({
    where: {
      effectiveFrom: { lte: at },
      AND: [{ OR: [{ effectiveTo: null }, { effectiveTo: { gt: at } }] }, { OR: [{ country: null }, { country: country.toUpperCase() }] }],
    },
    select: {
      name: true, country: true, state: true, rateMillionths: true, level: true, compound: true, productTypes: true,
      effectiveFrom: true, effectiveTo: true, createdAt: true,
    },
  });
