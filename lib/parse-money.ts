/** Digits after the decimal point for a currency (2 for USD, 0 for JPY), from the same source formatMoney uses. */
export const currencyDigits = (currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * Parses an amount typed by a person ("25", "25.5", "1,250.00") into integer minor units, using string
 * arithmetic so 0.1 + 0.2 style float errors cannot creep in. Returns null when the text is not a plain
 * non-negative amount with at most the currency's number of decimals.
 */
export const parseMoneyInput = (text: string, currency: string): number | null => {
  const digits = currencyDigits(currency);
  const normalized = text.trim().replace(/,/g, "");
  const pattern = digits === 0 ? /^(\d{1,12})$/ : new RegExp(`^(\\d{1,12})(?:\\.(\\d{1,${digits}}))?$`);
  const match = pattern.exec(normalized);
  if (!match) return null;
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  const cents = Number(`${whole}${fraction}`);
  return Number.isSafeInteger(cents) ? cents : null;
};
