import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DetailList } from "@/components/admin/detail-list";
import { StaffActions } from "@/components/admin/staff/staff-actions";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format-date-time";
import { requireStaff } from "@/server/auth";
import { listRoles } from "@/server/staff/role-queries";
import { getStaff } from "@/server/staff/staff-queries";
import { staffStatus } from "@/server/staff/staff-status";

export const metadata: Metadata = { title: "Staff Member" };

const StaffMemberPage = async ({ params }: { params: Promise<{ staffId: string }> }) => {
  await requireStaff("staff.manage");
  const { staffId } = await params;
  const [staff, roles] = await Promise.all([getStaff(staffId), listRoles()]);
  if (!staff) notFound();
  const invitation = staff.invitations[0];
  return (
    <>
      <PageHeader title={staff.name} description={<TextLink href="/admin/staff">All staff</TextLink>} />
      <div className="space-y-6">
        <Card title="Details">
          <DetailList
            items={[
              { label: "E-mail", value: staff.email },
              { label: "Status", value: <StatusBadge status={staffStatus(staff)} /> },
              { label: "Added", value: formatDateTime(staff.createdAt) },
              {
                label: "Invitation",
                value: !invitation ? "—" : invitation.usedAt ? `Accepted ${formatDateTime(invitation.usedAt)}` : `Open until ${formatDateTime(invitation.expiresAt)}`,
              },
            ]}
          />
        </Card>
        <Card title="Access">
          <StaffActions
            staff={{ id: staff.id, name: staff.name, isActive: staff.isActive, roleIds: staff.roles.map((role) => role.id) }}
            roles={roles.map(({ id, name, description }) => ({ id, name, description }))}
          />
        </Card>
      </div>
    </>
  );
};

export default StaffMemberPage;
