import type { Metadata } from "next";
import { TextLink } from "@/components/admin/text-link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { ALL_PERMISSIONS } from "@/server/staff/permissions";
import { listRoles } from "@/server/staff/role-queries";

export const metadata: Metadata = { title: "Roles" };

const RolesPage = async ({ searchParams }: { searchParams: Promise<{ saved?: string; deleted?: string }> }) => {
  await requireStaff("staff.manage");
  const [roles, query] = await Promise.all([listRoles(), searchParams]);
  return (
    <>
      <PageHeader
        title="Roles"
        description="Built-in roles are fixed; create custom roles for anything else."
        actions={<ButtonLink href="/admin/roles/new">New Role</ButtonLink>}
      />
      <div className="space-y-4">
        {query.saved && <Alert tone="success">The role is saved.</Alert>}
        {query.deleted && <Alert tone="success">The role is deleted.</Alert>}
        <DataTable
          caption="Roles"
          rows={roles}
          rowKey={(role) => role.id}
          columns={[
            { header: "Role", cell: (role) => <TextLink href={`/admin/roles/${role.id}`}>{role.name}</TextLink>, className: "px-4 py-2.5" },
            { header: "Description", cell: (role) => role.description || "—", className: "px-4 py-2.5 text-slate-700" },
            { header: "Type", cell: (role) => (role.isBuiltIn ? "Built-in" : "Custom"), className: "px-4 py-2.5 text-slate-700" },
            { header: "Permissions", cell: (role) => `${role.permissions.length} of ${ALL_PERMISSIONS.length}`, className: "px-4 py-2.5 text-slate-700" },
            { header: "Staff", cell: (role) => role.staffCount, className: "px-4 py-2.5 text-slate-700" },
            { header: "API Keys", cell: (role) => role.apiKeyCount, className: "px-4 py-2.5 text-slate-700" },
          ]}
        />
      </div>
    </>
  );
};

export default RolesPage;
