import { AuditHistory } from "@/components/admin/audit/audit-history";
import { TableSection } from "@/components/ui/table-section";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddPaymentForm } from "@/components/admin/add-payment-form";
import { DetailList } from "@/components/admin/detail-list";
import { InvoiceStatusBadge } from "@/components/admin/invoice-status-badge";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge, statusLabel } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { getAdminInvoice } from "@/server/admin/admin-invoice-queries";
import { requireStaff } from "@/server/auth";
import { now } from "@/server/clock";
import { InvoiceSellerHeader } from "@/components/billing/invoice-seller-header";
import { ResendPaidEventButton } from "./_components/resend-paid-event-button";

export const metadata: Metadata = { title: "Invoice" };

const InvoiceDetailPage = async ({ params }: { params: Promise<{ invoiceId: string }> }) => {
  await requireStaff("billing.read");
  const { invoiceId } = await params;
  const invoice = await getAdminInvoice({ invoiceId });
  if (!invoice) notFound();
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const title = invoice.number ? `Invoice ${invoice.number}` : "Draft Invoice";
  // Paid, yet a package never left Pending: provisioning did not start (reconciliation also re-sends these).
  const pendingPackages = new Set(invoice.lines.flatMap((line) => (line.service?.status === "PENDING" ? [line.service.id] : []))).size;
  const isProvisioningMissing = invoice.status === "ISSUED" && invoice.paymentStatus === "PAID" && pendingPackages > 0;

  return (
    <>
      <PageHeader
        title={title}
        description={
          <span className="inline-flex items-center gap-2">
            Status: <InvoiceStatusBadge status={invoice.status} paymentStatus={invoice.paymentStatus} />
          </span>
        }
      />
      <div className="space-y-6">
        <Card title="Invoice Details">
          <InvoiceSellerHeader header={invoice.header} />
          <DetailList
            items={[
              { label: "Client", value: <TextLink href={`/admin/clients/${invoice.clientId}`}>{invoice.clientName}</TextLink> },
              { label: "Order", value: invoice.order ? `#${invoice.order.number}` : "—" },
              { label: "Entered", value: formatDate(invoice.createdAt) },
              { label: "Issued", value: formatDate(invoice.issuedAt) },
              { label: "Due", value: formatDate(invoice.dueAt) },
              { label: "Date Paid", value: formatDate(invoice.paidAt) },
              { label: "Total", value: money(invoice.totalCents) },
              { label: "Balance Due", value: <strong>{money(invoice.balanceCents)}</strong> },
            ]}
          />
        </Card>

        <section aria-labelledby="invoice-lines" className="space-y-3">
          <h2 id="invoice-lines" className="text-lg font-semibold">Items</h2>
          <DataTable
            caption="Invoice items"
            rows={invoice.lines}
            rowKey={(line) => line.id}
            columns={[
              { header: "Description", cell: (line) => line.description },
              {
                header: "Package",
                cell: (line) => (line.service ? <TextLink href={`/admin/packages/${line.service.id}`}>#{line.service.number}</TextLink> : "—"),
              },
              { header: "Period", cell: (line) => (line.periodStart ? `${formatDate(line.periodStart)} – ${formatDate(line.periodEnd)}` : "—") },
              { header: "Tax", cell: (line) => (line.taxCents ? `${money(line.taxCents)}${line.taxName ? ` ${line.taxName}` : ""}` : "—") },
              { header: "Amount", cell: (line) => money(line.amountCents) },
            ]}
          />
          <dl className="ml-auto grid max-w-xs grid-cols-2 gap-y-1 text-sm">
            <dt className="text-slate-600">Subtotal</dt>
            <dd className="text-right">{money(invoice.subtotalCents)}</dd>
            <dt className="text-slate-600">Tax</dt>
            <dd className="text-right">{money(invoice.taxCents)}</dd>
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold">{money(invoice.totalCents)}</dd>
            <dt className="text-slate-600">Amount Paid</dt>
            <dd className="text-right">{money(invoice.paidCents)}</dd>
            <dt className="font-semibold">Balance Due</dt>
            <dd className="text-right font-semibold">{money(invoice.balanceCents)}</dd>
          </dl>
          {invoice.taxNotes.length > 0 && (
            <ul aria-label="Tax notes" className="space-y-1 text-sm text-slate-700">
              {invoice.taxNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </section>

        <TableSection
          id="invoice-transactions"
          title="Transactions"
          emptyTitle="No payments recorded yet."
          rows={invoice.payments}
          rowKey={(payment) => payment.id}
          columns={[
            { header: "Transaction ID", cell: (payment) => payment.transactionId },
            { header: "Payment Method", cell: (payment) => statusLabel(payment.method) },
            { header: "Status", cell: () => <StatusBadge status="COMPLETED" /> },
            { header: "Date", cell: (payment) => formatDate(payment.receivedAt) },
            { header: "Amount", cell: (payment) => formatMoney(payment.amountCents, payment.currency) },
            { header: "Recorded By", cell: (payment) => payment.recordedByName ?? "—" },
          ]}
        />

        {isProvisioningMissing && (
          <Card title="Provisioning">
            <div className="space-y-3">
              <p className="text-sm text-slate-600">
                This invoice is paid, but {pendingPackages === 1 ? "1 package is" : `${pendingPackages} packages are`} still
                Pending: provisioning has not started. Sending the paid event again starts it.
              </p>
              <ResendPaidEventButton invoiceId={invoice.id} />
            </div>
          </Card>
        )}

        <Card title="Add Payment">
          <AddPaymentForm
            invoiceId={invoice.id}
            currency={invoice.currency}
            balanceCents={invoice.balanceCents}
            isPayable={invoice.status === "ISSUED" && invoice.paymentStatus !== "PAID"}
            today={now().toISOString().slice(0, 10)}
          />
        </Card>
      </div>
      <div className="mt-6">
        <AuditHistory entityType="Invoice" entityId={invoice.id} />
      </div>
    </>
  );
};

export default InvoiceDetailPage;
