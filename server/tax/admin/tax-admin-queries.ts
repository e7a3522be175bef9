import "server-only";
import { type DbClient, db } from "@/server/db";
import { formatTaxRate } from "../tax-rate";
import { getTaxSettings } from "../tax-settings";

const toDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** Admin → Taxes: every rule, by country, state, level and start, with its rate as a decimal string. */
export const listTaxRules = async (client: DbClient = db) => {
  const rules = await client.taxRule.findMany({
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

export type TTaxRuleRow = Awaited<ReturnType<typeof listTaxRules>>[number];

export const getTaxSettingsForAdmin = (client: DbClient = db) => getTaxSettings(client);
