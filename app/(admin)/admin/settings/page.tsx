import type { Metadata } from "next";
import { DetailList } from "@/components/admin/detail-list";
import { TextLink } from "@/components/admin/text-link";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format-date-time";
import { requireStaff } from "@/server/auth";
import { getMailDeliverySettings, listOutboxMail } from "@/server/mail/outbox-queries";
import { SellerTaxesSection } from "./_components/seller-taxes-section";
import { StaffSignInSection } from "./_components/staff-sign-in-section";
import { WorkflowHistorySection } from "./_components/workflow-history-section";

export const metadata: Metadata = { title: "Settings" };

const SettingsPage = async () => {
  await requireStaff("settings.read");
  const [mails, delivery] = await Promise.all([listOutboxMail(), getMailDeliverySettings()]);

  return (
    <>
      <PageHeader title="Settings" />
      <section aria-labelledby="mail-outbox" className="space-y-3">
        <h2 id="mail-outbox" className="text-lg font-semibold">Mail Outbox</h2>
        {delivery.smtpServer ? (
          <DetailList
            items={[
              { label: "SMTP Server", value: delivery.smtpServer },
              { label: "From", value: delivery.from },
              { label: "Reply-To", value: delivery.replyTo ?? "—" },
            ]}
          />
        ) : (
          <Alert>
            Not sent: no SMTP server configured. E-mails stay here for you to read; set SMTP_URL and MAIL_FROM to deliver them.
          </Alert>
        )}
        <p className="text-sm text-slate-600">
          E-mails the system has queued, newest first. Delivery is retried on temporary errors; open one to read it or resend it.
        </p>
        {mails.length === 0 ? (
          <EmptyState title="The outbox is empty.">Welcome e-mails and notices appear here when they are queued.</EmptyState>
        ) : (
          <DataTable
            caption="Mail Outbox"
            rows={mails}
            rowKey={(mail) => mail.id}
            columns={[
              { header: "To", cell: (mail) => mail.to },
              { header: "Subject", cell: (mail) => <TextLink href={`/admin/settings/mail/${mail.id}`}>{mail.subject}</TextLink> },
              { header: "Template", cell: (mail) => mail.template },
              { header: "Date", cell: (mail) => formatDateTime(mail.createdAt) },
              { header: "Status", cell: (mail) => <StatusBadge status={mail.status} /> },
              { header: "Delivery", cell: (mail) => (mail.sentAt ? `Sent ${formatDateTime(mail.sentAt)}` : mail.delivery) },
              { header: "Attempts", cell: (mail) => mail.attempts },
              { header: "Last Error", cell: (mail) => mail.lastError ?? "—" },
            ]}
          />
        )}
      </section>
      <div className="mt-8">
        <SellerTaxesSection />
      </div>
      <div className="mt-8">
        <WorkflowHistorySection />
      </div>
      <div className="mt-8">
        <StaffSignInSection />
      </div>
    </>
  );
};

export default SettingsPage;
