/**
 * Currency conversion of catalog prices in exact integer arithmetic: an exchange rate is a decimal string
 * ("1.0845", as PostgreSQL's NUMERIC gives it), never a float, and the result is rounded once, half away from
 * zero, to the target currency's minor units.
 */

const DECIMAL = /^(\d{1,10})(?:\.(\d{1,8}))?$/;

/** "1.0845" → 10845n / 10000n. Throws on anything that is not a plain non-negative decimal. */
export const parseDecimal = (value: string) => {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal exchange rate: ${value}`);
  const fraction = match[2] ?? "";
  return { numerator: BigInt(match[1] + fraction), denominator: 10n ** BigInt(fraction.length) };
};

/** numerator / denominator rounded half away from zero (denominator > 0). */
const divideRounded = (numerator: bigint, denominator: bigint) => {
  const half = numerator < 0n ? -denominator : denominator;
  return (numerator * 2n + half) / (2n * denominator);
};

export type TCurrencyUnit = { code: string; minorUnits: number };

export type ConvertCentsOptions = {
  cents: number;
  /** The default currency, in which the source amount is. */
  from: TCurrencyUnit;
  /** The target currency and its rate: units of it for one unit of `from`. */
  to: TCurrencyUnit & { exchangeRate: string };
};

/** An amount in `from`'s minor units → `to`'s minor units: cents × rate × 10^(to.minorUnits − from.minorUnits). */
export const convertCents = ({ cents, from, to }: ConvertCentsOptions): number => {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const rate = parseDecimal(to.exchangeRate);
  const shift = to.minorUnits - from.minorUnits;
  const numerator = BigInt(cents) * rate.numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const denominator = rate.denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  const result = Number(divideRounded(numerator, denominator));
  if (!Number.isSafeInteger(result)) throw new RangeError(`Converted amount out of range: ${cents} × ${to.exchangeRate}`);
  return result;
};
