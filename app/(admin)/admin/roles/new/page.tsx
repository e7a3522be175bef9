import type { Metadata } from "next";
import { RoleForm } from "@/components/admin/staff/role-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "New Role" };

const NewRolePage = async () => {
  await requireStaff("staff.manage");
  return (
    <>
      <PageHeader title="New Role" description={<TextLink href="/admin/roles">All roles</TextLink>} />
      <Card>
        <RoleForm />
      </Card>
    </>
  );
};

export default NewRolePage;
