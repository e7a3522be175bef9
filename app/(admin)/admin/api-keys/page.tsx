import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/admin/staff/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/admin/staff/revoke-api-key-button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format-date-time";
import { listApiKeys } from "@/server/api-keys/api-key-queries";
import { requireStaff } from "@/server/auth";
import { listRoles } from "@/server/staff/role-queries";

export const metadata: Metadata = { title: "API Keys" };

const ApiKeysPage = async () => {
  await requireStaff("api-keys.manage");
  const [keys, roles] = await Promise.all([listApiKeys(), listRoles()]);
  return (
    <>
      <PageHeader title="API Keys" description="Keys for scripts and integrations: Authorization: Bearer <key> on /api/v1." />
      <div className="space-y-6">
        <DataTable
          caption="API keys"
          rows={keys}
          rowKey={(apiKey) => apiKey.id}
          columns={[
            { header: "Name", cell: (apiKey) => apiKey.name, className: "px-4 py-2.5 text-slate-900" },
            { header: "Key", cell: (apiKey) => <code className="font-mono text-xs">{apiKey.prefix}…</code>, className: "px-4 py-2.5" },
            { header: "Role", cell: (apiKey) => apiKey.role.name, className: "px-4 py-2.5 text-slate-700" },
            { header: "Created", cell: (apiKey) => `${formatDateTime(apiKey.createdAt)}${apiKey.createdBy ? ` by ${apiKey.createdBy.name}` : ""}`, className: "px-4 py-2.5 text-slate-700" },
            { header: "Last Used", cell: (apiKey) => (apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "Never"), className: "px-4 py-2.5 text-slate-700" },
            {
              header: "Status",
              cell: (apiKey) => (apiKey.revokedAt ? <StatusBadge status="REVOKED" /> : <RevokeApiKeyButton apiKeyId={apiKey.id} name={apiKey.name} />),
              className: "px-4 py-2.5",
            },
          ]}
        />
        <Card title="Create API Key">
          <CreateApiKeyForm roles={roles.map(({ id, name }) => ({ id, name }))} />
        </Card>
      </div>
    </>
  );
};

export default ApiKeysPage;
