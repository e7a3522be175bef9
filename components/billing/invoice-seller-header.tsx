/** The seller block at the top of an invoice, as it was frozen when the invoice was issued. */
export const InvoiceSellerHeader = ({ header, label = "Seller" }: { header: string; label?: string }) =>
  header ? (
    <address aria-label={label} className="mb-4 whitespace-pre-line text-sm not-italic text-slate-700">
      {header}
    </address>
  ) : null;
