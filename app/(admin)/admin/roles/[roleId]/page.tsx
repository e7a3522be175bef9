import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RoleForm } from "@/components/admin/staff/role-form";
import { TextLink } from "@/components/admin/text-link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { PERMISSIONS } from "@/server/staff/permissions";
import { getRole } from "@/server/staff/role-queries";

export const metadata: Metadata = { title: "Role" };

const RolePage = async ({ params, searchParams }: { params: Promise<{ roleId: string }>; searchParams: Promise<{ saved?: string }> }) => {
  await requireStaff("staff.manage");
  const [{ roleId }, query] = await Promise.all([params, searchParams]);
  const role = await getRole(roleId);
  if (!role) notFound();
  return (
    <>
      <PageHeader title={role.name} description={<TextLink href="/admin/roles">All roles</TextLink>} />
      <div className="space-y-4">
        {query.saved && <Alert tone="success">The role is saved.</Alert>}
        <Card title={role.isBuiltIn ? "Permissions (built-in, fixed)" : undefined}>
          {role.isBuiltIn ? (
            <>
              <p className="mb-3 text-sm text-slate-600">{role.description}</p>
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
                {role.permissions.map((permission) => (
                  <li key={permission}>
                    {PERMISSIONS[permission].area}: {PERMISSIONS[permission].label}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <RoleForm role={role} />
          )}
        </Card>
      </div>
    </>
  );
};

export default RolePage;
