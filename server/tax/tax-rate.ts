/**
 * Tax rates are exact decimals of a percent ("25.5", "9.975", "8.875"), kept as an integer fraction in
 * millionths (25.5 % = 255_000 / 1_000_000), so no rate ever passes through a float.
 */
export type TRateMillionths = number;

const RATE_PATTERN = /^(\d{1,3})(?:\.(\d{1,4}))?$/;
export const MAX_RATE_MILLIONTHS = 1_000_000;

/** "25.5" → 255_000; null for anything that is not 0–100 with at most four decimals. */
export const parseTaxRate = (value: string): TRateMillionths | null => {
  const match = RATE_PATTERN.exec(value.trim());
  if (!match) return null;
  const millionths = Number(match[1]) * 10_000 + Number((match[2] ?? "").padEnd(4, "0"));
  return millionths <= MAX_RATE_MILLIONTHS ? millionths : null;
};

/** 255_000 → "25.5", 99_750 → "9.975", 200_000 → "20": the shortest exact decimal percent. */
export const formatTaxRate = (millionths: TRateMillionths): string => {
  const whole = Math.trunc(millionths / 10_000);
  const fraction = String(millionths % 10_000).padStart(4, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
};
