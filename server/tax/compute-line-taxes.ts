import { type Cents, assertCents, sumCents } from "@/server/money/money";
import { formatTaxRate, type TRateMillionths } from "./tax-rate";

/** A rule that applies to a line: level 1 first, then level 2 (compound ones on top of level 1). */
export type TLineTaxRule = { name: string; rateMillionths: TRateMillionths; level: number; compound: boolean };

export type TLineTax = { name: string; rate: string; amountCents: Cents };
export type TTaxedLine = { amountCents: Cents; taxes: TLineTax[]; taxCents: Cents };

const MILLION = 1_000_000n;

/** numerator / denominator (denominator > 0) rounded half away from zero, in BigInt. */
const divideHalfAwayFromZero = (numerator: bigint, denominator: bigint): Cents => {
  const sign = numerator < 0n ? -1n : 1n;
  const magnitude = numerator * sign;
  return Number(sign * ((magnitude * 2n + denominator) / (2n * denominator)));
};

/** Rules in the order they are charged; a compound rule's base includes every tax of a lower level. */
const inChargeOrder = (rules: readonly TLineTaxRule[]) => [...rules].sort((a, b) => a.level - b.level);

/** Each rule's tax on a net amount, each rounded once (half away from zero). */
const taxesOnNet = (netCents: Cents, rules: readonly TLineTaxRule[]): TLineTax[] => {
  const charged: (TLineTax & { level: number })[] = [];
  for (const rule of inChargeOrder(rules)) {
    const lowerTaxes = sumCents(charged.filter((tax) => tax.level < rule.level).map((tax) => tax.amountCents));
    const base = rule.compound ? netCents + lowerTaxes : netCents;
    const amountCents = divideHalfAwayFromZero(BigInt(base) * BigInt(rule.rateMillionths), MILLION);
    charged.push({ name: rule.name, rate: formatTaxRate(rule.rateMillionths), amountCents, level: rule.level });
  }
  return charged.map(({ name, rate, amountCents }) => ({ name, rate, amountCents }));
};

/**
 * The gross/net ratio of the rules as an exact fraction in millionths: gross = net × numerator / MILLION^k.
 * Used only to estimate the net amount of a tax-inclusive price; the taxes themselves come from taxesOnNet.
 */
const grossFactor = (rules: readonly TLineTaxRule[]): { numerator: bigint; denominator: bigint } => {
  // Each rule's tax as a multiple of net (a fraction over MILLION^2 so compound products stay exact).
  const denominator = MILLION * MILLION;
  const multiples: { level: number; multiple: bigint }[] = [];
  for (const rule of inChargeOrder(rules)) {
    const lower = multiples.filter((entry) => entry.level < rule.level).reduce((total, entry) => total + entry.multiple, 0n);
    const rate = BigInt(rule.rateMillionths);
    const multiple = rule.compound ? (rate * (denominator + lower)) / MILLION : rate * MILLION;
    multiples.push({ level: rule.level, multiple });
  }
  return { numerator: denominator + multiples.reduce((total, entry) => total + entry.multiple, 0n), denominator };
};

/**
 * Taxes on one line, rounded once per tax on that line; invoice totals are sums of these rounded amounts.
 * - exclusive prices (the default): `priceCents` is the net amount and the taxes come on top;
 * - inclusive prices: `priceCents` is what the customer sees and pays. The tax is extracted: the line's net
 *   amount is the shown price less its rounded taxes, so net + taxes equals the shown price to the cent.
 */
export const computeLineTaxes = ({
  priceCents,
  rules,
  pricesIncludeTax,
}: {
  priceCents: Cents;
  rules: readonly TLineTaxRule[];
  pricesIncludeTax: boolean;
}): TTaxedLine => {
  assertCents(priceCents);
  if (rules.length === 0) return { amountCents: priceCents, taxes: [], taxCents: 0 };
  if (!pricesIncludeTax) {
    const taxes = taxesOnNet(priceCents, rules);
    return { amountCents: priceCents, taxes, taxCents: sumCents(taxes.map((tax) => tax.amountCents)) };
  }
  const { numerator, denominator } = grossFactor(rules);
  const estimatedNet = divideHalfAwayFromZero(BigInt(priceCents) * denominator, numerator);
  const taxes = taxesOnNet(estimatedNet, rules);
  const taxCents = sumCents(taxes.map((tax) => tax.amountCents));
  return { amountCents: priceCents - taxCents, taxes, taxCents };
};
