import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DetailList } from "@/components/admin/detail-list";
import { ResendMailButton } from "@/components/admin/resend-mail-button";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format-date-time";
import { requireStaff } from "@/server/auth";
import { getOutboxMail } from "@/server/mail/outbox-queries";

export const metadata: Metadata = { title: "Outbox Message" };

const OutboxMailPage = async ({ params }: { params: Promise<{ mailId: string }> }) => {
  await requireStaff("mail.read");
  const { mailId } = await params;
  const mail = await getOutboxMail({ mailId });
  if (!mail) notFound();

  return (
    <>
      <PageHeader title={mail.subject} description={<TextLink href="/admin/settings">Back to the Mail Outbox</TextLink>} />
      <div className="space-y-6">
        <Card title="Message">
          <DetailList
            items={[
              { label: "To", value: mail.to },
              { label: "Template", value: mail.template },
              { label: "Date", value: formatDateTime(mail.createdAt) },
              { label: "Client", value: mail.clientId ? <TextLink href={`/admin/clients/${mail.clientId}`}>View client</TextLink> : "—" },
            ]}
          />
        </Card>
        <Card title="Delivery">
          <div className="space-y-4">
            <DetailList
              items={[
                { label: "Status", value: <StatusBadge status={mail.status} /> },
                { label: "Delivery", value: mail.delivery },
                { label: "Attempts", value: mail.attempts },
                { label: "Last Attempt", value: formatDateTime(mail.lastAttemptAt) },
                { label: "Next Attempt", value: mail.status === "QUEUED" ? formatDateTime(mail.nextAttemptAt) : "—" },
                { label: "Last Error", value: mail.lastError ?? "—" },
                { label: "Sent", value: mail.sentAt ? formatDateTime(mail.sentAt) : "Not sent" },
                { label: "Server Reply", value: mail.serverReply ?? "—" },
                { label: "Message-ID", value: mail.messageId ?? "—" },
              ]}
            />
            {mail.canResend && <ResendMailButton mailId={mail.id} />}
          </div>
        </Card>
        <Card title="Plain Text">
          <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-800">{mail.text}</pre>
        </Card>
        {mail.html && (
          <Card title="HTML">
            {/* NOTE: sandbox="" with no permissions: no scripts, forms or navigation from the mail's markup. */}
            <iframe title="HTML part" sandbox="" srcDoc={mail.html} className="h-96 w-full rounded-md border border-slate-200 bg-white" />
          </Card>
        )}
      </div>
    </>
  );
};

export default OutboxMailPage;
