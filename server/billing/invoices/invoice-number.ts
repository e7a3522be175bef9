/** Digits the sequence value is zero-padded to: INV-000001. Longer values keep all their digits. */
export const INVOICE_NUMBER_DIGITS = 6;

/**
 * WARNING: issued invoices keep the number they were given; changing the format only affects new invoices
 * and may break sorting by number, so change it together with the sequence prefix, not casually.
 */
export const formatInvoiceNumber = ({ prefix, value }: { prefix: string; value: number }) => {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`Invoice sequence values start at 1, got ${value}`);
  }
  return `${prefix}${String(value).padStart(INVOICE_NUMBER_DIGITS, "0")}`;
};
