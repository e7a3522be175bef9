import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvoiceStatusBadge } from "@/components/client/invoice-status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { statusLabel } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { formatTaxLabel } from "@/lib/format-tax-label";
import { requireContact } from "@/server/clients/require-contact";
import { getClientInvoice } from "@/server/billing/invoices/invoice-queries";
import { InvoiceSellerHeader } from "@/components/billing/invoice-seller-header";

export const metadata: Metadata = { title: "Invoice" };

const InvoicePage = async ({ params }: { params: Promise<{ invoiceId: string }> }) => {
  const { clientId } = await requireContact("billing");
  const { invoiceId } = await params;
  const invoice = await getClientInvoice({ clientId, invoiceId });
  if (!invoice) {
    notFound();
  }
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const taxLabel = formatTaxLabel(invoice.lines);
  const balanceCents = invoice.status === "ISSUED" ? invoice.totalCents - invoice.paidCents : 0;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/client/invoices" className="text-brand-700 underline">
          ← Invoices
        </Link>
      </p>
      <PageHeader
        title={`Invoice ${invoice.number ?? ""}`.trim()}
        actions={<InvoiceStatusBadge status={invoice.status} paymentStatus={invoice.paymentStatus} />}
      />
      <div className="space-y-6">
        <Card title="Invoice Details">
          <InvoiceSellerHeader header={invoice.header} />
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-600">Invoice ID</dt>
            <dd>{invoice.number}</dd>
            <dt className="font-medium text-slate-600">Entered</dt>
            <dd>{formatDate(invoice.issuedAt)}</dd>
            <dt className="font-medium text-slate-600">Due Date</dt>
            <dd>{formatDate(invoice.dueAt)}</dd>
            {invoice.paidAt && (
              <>
                <dt className="font-medium text-slate-600">Paid</dt>
                <dd>{formatDate(invoice.paidAt)}</dd>
              </>
            )}
            <dt className="font-medium text-slate-600">Balance Due</dt>
            <dd className="font-semibold">{money(balanceCents)}</dd>
          </dl>
          {balanceCents > 0 && (
            <p className="mt-4 text-sm text-slate-700">
              To pay by bank transfer, quote <strong>{invoice.number}</strong> as the payment reference. The invoice is marked
              paid when the transfer arrives.
            </p>
          )}
        </Card>

        <Card title="Items">
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Invoice items</caption>
              <thead className="text-left">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">Description</th>
                  <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">Package</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold text-slate-700">Amount</th>
                  <th scope="col" className="py-2 text-right font-semibold text-slate-700">Tax</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invoice.lines.map((line) => (
                  <tr key={line.id}>
                    <td className="py-2 pr-4">
                      {line.description}
                      {line.periodStart && line.periodEnd && (
                        <span className="block text-xs text-slate-500">
                          {formatDate(line.periodStart)} – {formatDate(line.periodEnd)}
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
                  <th scope="row" colSpan={3} className="pt-3 pr-4 text-right font-medium text-slate-700">Subtotal</th>
                  <td className="pt-3 text-right tabular-nums">{money(invoice.subtotalCents)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={3} className="pr-4 text-right font-medium text-slate-700">
                    {taxLabel}
                  </th>
                  <td className="text-right tabular-nums">{money(invoice.taxCents)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={3} className="pt-2 pr-4 text-right text-base font-bold text-slate-900">Total</th>
                  <td className="pt-2 text-right text-base font-bold tabular-nums">{money(invoice.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {invoice.taxNotes.length > 0 && (
            <ul aria-label="Tax notes" className="mt-3 space-y-1 text-sm text-slate-700">
              {invoice.taxNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Transactions">
          {invoice.payments.length === 0 ? (
            <p className="text-sm text-slate-700">No payments have been received for this invoice yet.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Transactions</caption>
                <thead className="text-left">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">Transaction ID</th>
                    <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">Payment Method</th>
                    <th scope="col" className="py-2 pr-4 font-semibold text-slate-700">Date</th>
                    <th scope="col" className="py-2 text-right font-semibold text-slate-700">Amount</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {invoice.payments.map((payment) => (
                    <tr key={payment.id}>
                      <td className="py-2 pr-4 font-mono text-xs">{payment.transactionId}</td>
                      <td className="py-2 pr-4">{statusLabel(payment.method)}</td>
                      <td className="py-2 pr-4">{formatDate(payment.receivedAt)}</td>
                      <td className="py-2 text-right tabular-nums">{formatMoney(payment.amountCents, payment.currency)}</td>
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
