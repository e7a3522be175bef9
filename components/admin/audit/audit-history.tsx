import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getPrincipal } from "@/server/auth";
import { listAuditEntries } from "@/server/audit/list-audit-entries";
import { hasPermission } from "@/server/staff/staff-permissions";
import { AuditEntriesTable } from "./audit-entries-table";

const HISTORY_LIMIT = 20;

/**
 * The "History" section of an entity's admin page: its latest audit entries. Renders nothing for staff without
 * audit.read, so pages can include it unconditionally.
 */
export const AuditHistory = async ({ entityType, entityId }: { entityType: string; entityId: string }) => {
  const principal = await getPrincipal();
  if (principal?.kind !== "staff" || !(await hasPermission(principal, "audit.read"))) return null;
  const { entries, nextCursor } = await listAuditEntries({ entityType, entityId, limit: HISTORY_LIMIT });
  const fullLog = `/admin/audit?${new URLSearchParams({ entityType, entityId })}`;
  return (
    <Card
      title="History"
      actions={
        <Link href={fullLog} className="text-sm font-medium text-brand-700 hover:underline">
          {nextCursor ? "Full history in the audit log" : "Open in the audit log"}
        </Link>
      }
    >
      {entries.length ? (
        <AuditEntriesTable entries={entries} caption={`History of ${entityType} ${entityId}`} showEntity={false} />
      ) : (
        <p className="text-sm text-slate-600">No audited changes yet.</p>
      )}
    </Card>
  );
};
