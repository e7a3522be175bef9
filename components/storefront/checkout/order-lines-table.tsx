import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/format-money";

type TQuoteView = {
  currency: string;
  taxLabel: string;
  notes: string[];
  subtotalCents: number;
  /** What promo code discount lines take off (already in the subtotal); 0: none. */
  discountCents: number;
  promoCode: string | null;
  taxCents: number;
  totalCents: number;
  items: { productId: string; lines: { kind: string; description: string; amountCents: number; taxCents: number }[] }[];
};

/** The final summary on Order Details: every invoice line with its own tax, then the totals. */
export const OrderLinesTable = ({ quote }: { quote: TQuoteView }) => {
  const t = useTranslations();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, quote.currency, locale);
  return (
  <div className="overflow-x-auto">
    <table className="min-w-full divide-y divide-slate-200 text-sm">
      <caption className="sr-only">{t("Checkout.orderLinesCaption")}</caption>
      <thead className="text-left">
        <tr>
          <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">{t("Common.description")}</th>
          <th scope="col" className="py-2 pr-4 text-right font-semibold text-slate-700">{t("Common.amount")}</th>
          <th scope="col" className="py-2 text-right font-semibold text-slate-700">
            {quote.taxLabel}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {quote.items.flatMap((item, itemIndex) =>
          item.lines.map((line, lineIndex) => (
            <tr key={`${itemIndex}-${lineIndex}`}>
              <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-800">{line.description}</th>
              <td className="py-2 pr-4 text-right tabular-nums">{money(line.amountCents)}</td>
              <td className="py-2 text-right tabular-nums">{money(line.taxCents)}</td>
            </tr>
          )),
        )}
      </tbody>
      <tfoot className="border-t-2 border-slate-200">
        <tr>
          <th scope="row" colSpan={2} className="pt-3 pr-4 text-right font-medium text-slate-700">{t("Common.subtotal")}</th>
          <td className="pt-3 text-right tabular-nums">{money(quote.subtotalCents)}</td>
        </tr>
        {quote.discountCents > 0 && (
          <tr>
            <th scope="row" colSpan={2} className="pr-4 text-right font-medium text-slate-700">{t("Checkout.promoCodeIncluded", { code: quote.promoCode ?? "" })}</th>
            <td className="text-right tabular-nums">−{money(quote.discountCents)}</td>
          </tr>
        )}
        <tr>
          <th scope="row" colSpan={2} className="pr-4 text-right font-medium text-slate-700">
            {quote.taxLabel}
          </th>
          <td className="text-right tabular-nums">{money(quote.taxCents)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={2} className="pt-2 pr-4 text-right text-base font-bold text-slate-900">{t("Common.total")}</th>
          <td className="pt-2 text-right text-base font-bold tabular-nums text-slate-900">{money(quote.totalCents)}</td>
        </tr>
      </tfoot>
    </table>
    {quote.notes.length > 0 && (
      <ul aria-label={t("Checkout.taxNotes")} className="mt-3 space-y-1 text-sm text-slate-700">
        {quote.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    )}
  </div>
  );
};
