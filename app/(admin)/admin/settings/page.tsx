import type { Metadata } from "next";
import { TextLink } from "@/components/admin/text-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format-date-time";
import { listOutboxMail } from "@/server/admin/admin-mail-queries";
import { requireStaff } from "@/server/auth";
import { WorkflowHistorySection } from "./_components/workflow-history-section";

export const metadata: Metadata = { title: "Settings" };

const SettingsPage = async () => {
  await requireStaff();
  const mails = await listOutboxMail();

  return (
    <>
      <PageHeader title="Settings" />
      <section aria-labelledby="mail-outbox" className="space-y-3">
        <h2 id="mail-outbox" className="text-lg font-semibold">Mail Outbox</h2>
        <p className="text-sm text-slate-600">
          E-mails the system has queued. Without an SMTP server configured they stay here; open one to read it.
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
              { header: "Sent", cell: (mail) => (mail.sentAt ? formatDateTime(mail.sentAt) : "Not sent") },
            ]}
          />
        )}
      </section>
      <div className="mt-8">
        <WorkflowHistorySection />
      </div>
    </>
  );
};

export default SettingsPage;
