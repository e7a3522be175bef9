import type { Metadata } from "next";
import { AddClientWizard } from "@/components/admin/clients/add-client-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { listBrands } from "@/server/brands/brand-queries";
import { listClientGroups } from "@/server/clients/client-groups";

export const metadata: Metadata = { title: "Add New Client" };

const AddNewClientPage = async () => {
  await requireStaff("clients.write");
  const [groups, brands] = await Promise.all([listClientGroups(), listBrands()]);
  return (
    <>
      <PageHeader title="Add New Client" description="The client account first, then its primary contact. Each client account can have several contacts." />
      <AddClientWizard groups={groups.map(({ id, name }) => ({ id, name }))} brands={brands.map(({ id, name, isDefault }) => ({ id, name, isDefault }))} />
    </>
  );
};

export default AddNewClientPage;
