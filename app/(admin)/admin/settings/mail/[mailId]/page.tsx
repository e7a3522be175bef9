import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DetailList } from "@/components/admin/detail-list";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format-date-time";
import { getOutboxMail } from "@/server/admin/admin-mail-queries";
import { requireStaff } from "@/server/auth";

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
              { label: "Sent", value: mail.sentAt ? formatDateTime(mail.sentAt) : "Not sent" },
              { label: "Client", value: mail.clientId ? <TextLink href={`/admin/clients/${mail.clientId}`}>View client</TextLink> : "—" },
            ]}
          />
        </Card>
        <Card title="Body">
          <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-800">{mail.text}</pre>
        </Card>
      </div>
    </>
  );
};

export default OutboxMailPage;
