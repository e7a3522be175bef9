/** "VAT (21 %)", "GST (5 %), QST (9.975 %)": the distinct taxes of some lines, for a column or total heading. */
export const formatTaxLabel = (lines: readonly { taxes: readonly { name: string; rate: string }[] }[], noTax = "Tax"): string => {
  const labels = [...new Set(lines.flatMap((line) => line.taxes.map((tax) => `${tax.name} (${tax.rate} %)`)))];
  return labels.length > 0 ? labels.join(", ") : noTax;
};
