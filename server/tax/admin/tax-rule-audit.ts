import { formatTaxRate } from "../tax-rate";

/** The rule's fields as audited (before/after), with the rate as its decimal string. */
export const RULE_SELECT = {
  name: true, rateMillionths: true, country: true, state: true, level: true, compound: true, productTypes: true, effectiveFrom: true, effectiveTo: true,
} as const;

export const auditShape = (rule: { rateMillionths: number } & Record<string, unknown>) => {
  const { rateMillionths, ...rest } = rule;
  return { ...rest, rate: formatTaxRate(rateMillionths) };
};
