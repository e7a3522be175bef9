import { applyBasisPoints, type Cents } from "@/server/money/money";

/** The tax rule that applies to a line, or null when no rule applies (the line is untaxed). */
export type TAppliedTaxRule = { name: string; rateBasisPoints: number } | null;

export type TTaxedLine = { taxName: string | null; taxBasisPoints: number; taxCents: Cents };

/**
 * Tax on one line, rounded once on that line (half away from zero). Invoice tax is the sum of these rounded
 * line amounts, never the rate applied to the subtotal, so every line on the invoice adds up exactly.
 */
export const computeLineTax = ({ amountCents, rule }: { amountCents: Cents; rule: TAppliedTaxRule }): TTaxedLine =>
  rule
    ? { taxName: rule.name, taxBasisPoints: rule.rateBasisPoints, taxCents: applyBasisPoints(amountCents, rule.rateBasisPoints) }
    : { taxName: null, taxBasisPoints: 0, taxCents: 0 };
