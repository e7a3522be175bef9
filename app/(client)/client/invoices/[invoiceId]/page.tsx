import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvoiceStatusBadge } from "@/components/client/invoice-status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { formatTaxLabel } from "@/lib/format-tax-label";
import { requireContact } from "@/server/clients/require-contact";
import { getClientInvoice } from "@/server/billing/invoices/invoice-queries";
import { InvoiceSellerHeader } from "@/components/billing/invoice-seller-header";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("ClientArea.invoice"))("title") });

const InvoicePage = async ({ params }: { params: Promise<{ invoiceId: string }> }) => {
  const { clientId } = await requireContact("billing");
  const { invoiceId } = await params;
  const invoice = await getClientInvoice({ clientId, invoiceId });
  if (!invoice) {
    notFound();
  }
  const [t, locale] = await Promise.all([getTranslations("ClientArea"), getLocale()]);
  const money = (cents: number, currency = invoice.currency) => formatMoney(cents, currency, locale);
  const date = (value: Date | null) => formatDate(value, locale);
  const taxLabel = formatTaxLabel(invoice.lines);
  const balanceCents = invoice.status === "ISSUED" ? invoice.totalCents - invoice.paidCents : 0;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/client/invoices" className="text-brand-700 underline">
          ← {t("nav.invoices")}
        </Link>
      </p>
      <PageHeader
        title={t("invoice.titleWithNumber", { number: invoice.number ?? "" }).trim()}
        actions={<InvoiceStatusBadge status={invoice.status} paymentStatus={invoice.paymentStatus} />}
      />
      <div className="space-y-6">
        <Card title={t("invoice.details")}>
          <InvoiceSellerHeader header={invoice.header} label={t("invoice.seller")} />
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-600">{t("invoices.invoiceId")}</dt>
            <dd>{invoice.number}</dd>
            <dt className="font-medium text-slate-600">{t("invoices.entered")}</dt>
            <dd>{date(invoice.issuedAt)}</dd>
            <dt className="font-medium text-slate-600">{t("invoices.dueDate")}</dt>
            <dd>{date(invoice.dueAt)}</dd>
            {invoice.paidAt && (
              <>
                <dt className="font-medium text-slate-600">{t("invoice.paid")}</dt>
                <dd>{date(invoice.paidAt)}</dd>
              </>
            )}
            <dt className="font-medium text-slate-600">{t("invoice.balanceDue")}</dt>
            <dd className="font-semibold">{money(balanceCents)}</dd>
          </dl>
          {balanceCents > 0 && (
            <p className="mt-4 text-sm text-slate-700">
              {t.rich("invoice.bankTransferHint", { number: invoice.number ?? "", strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
          )}
        </Card>

        <Card title={t("invoice.items")}>
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("invoice.itemsCaption")}</caption>
              <thead className="text-left">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">{t("invoice.description")}</th>
                  <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">{t("invoice.package")}</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold text-slate-700">{t("invoices.amount")}</th>
                  <th scope="col" className="py-2 text-right font-semibold text-slate-700">{t("invoice.tax")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invoice.lines.map((line) => (
                  <tr key={line.id}>
                    <td className="py-2 pr-4">
                      {line.description}
                      {line.periodStart && line.periodEnd && (
                        <span className="block text-xs text-slate-500">
                          {date(line.periodStart)} – {date(line.periodEnd)}
                        </span>
                      )}
                    </td>
                    <td className="py-2 pr-4">
                      {line.service ? (
                        <Link href={`/client/packages/${line.service.id}`} className="text-brand-700 underline">
                          #{line.service.number}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">{money(line.amountCents)}</td>
                    <td className="py-2 text-right tabular-nums">{money(line.taxCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t-2 border-slate-200">
                <tr>
                  <th scope="row" colSpan={3} className="pt-3 pr-4 text-right font-medium text-slate-700">{t("invoice.subtotal")}</th>
                  <td className="pt-3 text-right tabular-nums">{money(invoice.subtotalCents)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={3} className="pr-4 text-right font-medium text-slate-700">
                    {taxLabel}
                  </th>
                  <td className="text-right tabular-nums">{money(invoice.taxCents)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={3} className="pt-2 pr-4 text-right text-base font-bold text-slate-900">{t("invoice.total")}</th>
                  <td className="pt-2 text-right text-base font-bold tabular-nums">{money(invoice.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {invoice.taxNotes.length > 0 && (
            <ul aria-label={t("invoice.taxNotes")} className="mt-3 space-y-1 text-sm text-slate-700">
              {invoice.taxNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("invoice.transactions")}>
          {invoice.payments.length === 0 ? (
            <p className="text-sm text-slate-700">{t("invoice.noPayments")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">{t("invoice.transactions")}</caption>
                <thead className="text-left">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">{t("invoice.transactionId")}</th>
                    <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">{t("invoice.paymentMethod")}</th>
                    <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">{t("invoice.date")}</th>
                    <th scope="col" className="py-2 text-right font-semibold text-slate-700">{t("invoices.amount")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {invoice.payments.map((payment) => (
                    <tr key={payment.id}>
                      <td className="py-2 pr-4 font-mono text-xs">{payment.transactionId}</td>
                      <td className="py-2 pr-4">{t(`paymentMethods.${payment.method}`)}</td>
                      <td className="py-2 pr-4">{date(payment.receivedAt)}</td>
                      <td className="py-2 text-right tabular-nums">{money(payment.amountCents, payment.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
};

export default InvoicePage;
