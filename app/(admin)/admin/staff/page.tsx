import type { Metadata } from "next";
import { InviteStaffForm } from "@/components/admin/staff/invite-staff-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { requireStaff } from "@/server/auth";
import { listRoles } from "@/server/staff/role-queries";
import { listStaff } from "@/server/staff/staff-queries";
import { staffStatus } from "@/server/staff/staff-status";

export const metadata: Metadata = { title: "Staff" };

const StaffPage = async () => {
  await requireStaff("staff.manage");
  const [staff, roles] = await Promise.all([listStaff(), listRoles()]);
  return (
    <>
      <PageHeader title="Staff" description="Who can sign in to the admin area, and with which roles." />
      <div className="space-y-6">
        <DataTable
          caption="Staff"
          rows={staff}
          rowKey={(member) => member.id}
          columns={[
            { header: "Name", cell: (member) => <TextLink href={`/admin/staff/${member.id}`}>{member.name}</TextLink>, className: "px-4 py-2.5" },
            { header: "E-mail", cell: (member) => member.email, className: "px-4 py-2.5 text-slate-700" },
            { header: "Roles", cell: (member) => member.roles.map((role) => role.name).join(", ") || "—", className: "px-4 py-2.5 text-slate-700" },
            { header: "Status", cell: (member) => <StatusBadge status={staffStatus(member)} />, className: "px-4 py-2.5" },
            { header: "Added", cell: (member) => formatDate(member.createdAt), className: "px-4 py-2.5 text-slate-700" },
          ]}
        />
        <Card title="Add Staff">
          <InviteStaffForm roles={roles.map(({ id, name, description }) => ({ id, name, description }))} />
        </Card>
      </div>
    </>
  );
};

export default StaffPage;
