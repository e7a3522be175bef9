/** Formats integer minor units for display, e.g. formatMoney(1999, "USD") → "$19.99". */
export const formatMoney = (cents: number, currency: string, locale = "en-US") => {
  const digits = new Intl.NumberFormat(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 10 ** digits);
};
