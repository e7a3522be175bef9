import type { Metadata } from "next";
import { ClientGroupsManager } from "@/components/admin/clients/client-groups-manager";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { listClientGroups } from "@/server/clients/client-groups";
import { staffPermissions } from "@/server/staff/staff-permissions";

export const metadata: Metadata = { title: "Client Groups" };

const ClientGroupsPage = async () => {
  const principal = await requireStaff("clients.read");
  const [groups, permissions] = await Promise.all([listClientGroups(), staffPermissions(principal)]);
  return (
    <>
      <PageHeader title="Client Groups" description="Groups organise clients; a group's discount applies to its clients' eligible products." />
      <Card>
        <ClientGroupsManager groups={groups} canWrite={permissions.has("clients.write")} />
      </Card>
    </>
  );
};

export default ClientGroupsPage;
