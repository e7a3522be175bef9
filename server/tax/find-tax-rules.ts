import "server-only";
import { type DbClient, db } from "@/server/db";
import type { TCandidateTaxRule } from "./select-tax-rules";

export type FindTaxRulesOptions = { country: string; at: Date };

/**
 * Every rule that can apply to an address in `country` at `at` (the country's own rules and those for
 * everywhere), loaded once per quote; selectTaxRules then picks per line, state and product type.
 */
export const findTaxRules = async ({ country, at }: FindTaxRulesOptions, client: DbClient = db): Promise<TCandidateTaxRule[]> =>
  // NOTE: raw SQL because every quote and order reads this: Prisma's query compiler plans a findMany afresh on
  // each call, about three times the CPU of the statement itself (issue #9). The same columns and filter.
  client.$queryRawUnsafe<TCandidateTaxRule[]>(
    `SELECT name, country, state, "rateMillionths", level, compound, "productTypes"::text[] AS "productTypes",
       "effectiveFrom", "effectiveTo", "createdAt"
     FROM "TaxRule"
     WHERE "effectiveFrom" <= $1 AND ("effectiveTo" IS NULL OR "effectiveTo" > $1) AND (country IS NULL OR country = $2)`,
    at,
    country.toUpperCase(),
  );
