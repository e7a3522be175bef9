import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { InvoiceStatusBadge } from "./invoice-status-badge";

export type TInvoiceRow = {
  id: string;
  number: string | null;
  status: string;
  paymentStatus: string;
  currency: string;
  totalCents: number;
  issuedAt: Date | null;
  dueAt: Date | null;
};

type TSortKey = "date" | "amount" | "status";
type TSortState = { sort: TSortKey; direction: "asc" | "desc" };

/** A column header that sorts by following a link, so sorting works without JavaScript and is announced (aria-sort). */
const SortHeader = ({ label, sortKey, current, basePath }: { label: string; sortKey: TSortKey; current: TSortState; basePath: string }) => {
  const t = useTranslations("ClientArea.invoices");
  const isActive = current.sort === sortKey;
  const nextDirection = isActive && current.direction === "desc" ? "asc" : "desc";
  return (
    <th
      scope="col"
      aria-sort={isActive ? (current.direction === "asc" ? "ascending" : "descending") : "none"}
      className="px-4 py-2.5 text-left font-semibold text-slate-700"
    >
      <Link href={`${basePath}?sort=${sortKey}&direction=${nextDirection}`} className="inline-flex items-center gap-1 hover:text-brand-700">
        {label}
        <span aria-hidden className="text-xs text-slate-500">
          {isActive ? (current.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">, {t(nextDirection === "asc" ? "sortAscending" : "sortDescending")}</span>
      </Link>
    </th>
  );
};

const PlainHeader = ({ label }: { label: string }) => (
  <th scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
    {label}
  </th>
);

/** Invoice ID, Amount, Entered, Due Date, Status, as in the client guide; sortable by amount, date and status. */
export const InvoiceTable = ({ invoices, sortState, basePath = "/client/invoices" }: { invoices: TInvoiceRow[]; sortState?: TSortState; basePath?: string }) => {
  const t = useTranslations("ClientArea.invoices");
  const locale = useLocale();
  return (
  <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
    <table className="min-w-full divide-y divide-slate-200 text-sm">
      <caption className="sr-only">{t("caption")}</caption>
      <thead className="bg-slate-50">
        <tr>
          <PlainHeader label={t("invoiceId")} />
          {sortState ? <SortHeader label={t("amount")} sortKey="amount" current={sortState} basePath={basePath} /> : <PlainHeader label={t("amount")} />}
          {sortState ? <SortHeader label={t("entered")} sortKey="date" current={sortState} basePath={basePath} /> : <PlainHeader label={t("entered")} />}
          <PlainHeader label={t("dueDate")} />
          {sortState ? <SortHeader label={t("status")} sortKey="status" current={sortState} basePath={basePath} /> : <PlainHeader label={t("status")} />}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {invoices.map((invoice) => (
          <tr key={invoice.id} className="hover:bg-slate-50">
            <td className="px-4 py-2.5">
              <Link href={`/client/invoices/${invoice.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {invoice.number ?? t("draft")}
              </Link>
            </td>
            <td className="px-4 py-2.5 tabular-nums">{formatMoney(invoice.totalCents, invoice.currency, locale)}</td>
            <td className="px-4 py-2.5">{formatDate(invoice.issuedAt, locale)}</td>
            <td className="px-4 py-2.5">{formatDate(invoice.dueAt, locale)}</td>
            <td className="px-4 py-2.5">
              <InvoiceStatusBadge status={invoice.status} paymentStatus={invoice.paymentStatus} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
  );
};
