/**
 * Money is integer minor units ("cents" of the document's currency), never floats.
 * Rounding happens in one place, `roundHalfAwayFromZero`, once per line.
 */
export type Cents = number;

export const assertCents = (value: number): Cents => {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Not a whole number of cents: ${value}`);
  }
  return value;
};

export const sumCents = (values: readonly Cents[]): Cents => values.reduce((total, value) => total + assertCents(value), 0);

/** numerator / denominator rounded half away from zero, in exact integer arithmetic. */
export const roundHalfAwayFromZero = (numerator: number, denominator: number): Cents => {
  const big = (BigInt(numerator) * 2n + (numerator < 0 ? -BigInt(denominator) : BigInt(denominator))) / (2n * BigInt(denominator));
  return Number(big);
};

/** A basis-point share of an amount (2000 bp = 20 %), rounded once: the per-line tax or discount. */
export const applyBasisPoints = (cents: Cents, basisPoints: number): Cents =>
  roundHalfAwayFromZero(assertCents(cents) * assertCents(basisPoints), 10_000);
