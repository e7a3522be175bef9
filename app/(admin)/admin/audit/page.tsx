import type { Metadata } from "next";
import Link from "next/link";
import { AuditEntriesTable } from "@/components/admin/audit/audit-entries-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ZListAuditInput } from "@/server/audit/audit.schemas";
import { listAuditEntries } from "@/server/audit/list-audit-entries";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Audit Log" };

const FILTER_KEYS = ["actor", "entityType", "entityId", "action", "from", "to"] as const;

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const AuditPage = async ({ searchParams }: AuditPageProps) => {
  await requireStaff("audit.read");
  const params = await searchParams;
  const raw = Object.fromEntries([...FILTER_KEYS, "cursor"].map((key) => [key, typeof params[key] === "string" ? params[key] : undefined]));
  const parsed = ZListAuditInput.safeParse(raw);
  const filters = parsed.success ? parsed.data : ZListAuditInput.parse({});
  const { entries, nextCursor } = await listAuditEntries(filters);
  const isFiltered = FILTER_KEYS.some((key) => filters[key]);
  const nextHref = nextCursor
    ? `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(FILTER_KEYS.flatMap((key) => (filters[key] ? [[key, filters[key]]] : []))), cursor: nextCursor })}`
    : null;

  return (
    <>
      <PageHeader title="Audit Log" />
      <form role="search" aria-label="Filter the audit log" className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <TextField label="Actor" name="actor" defaultValue={filters.actor ?? ""} hint="Name, e-mail or ID" />
        <TextField label="Entity type" name="entityType" defaultValue={filters.entityType ?? ""} hint="e.g. Invoice, Service" />
        <TextField label="Entity ID" name="entityId" defaultValue={filters.entityId ?? ""} />
        <TextField label="Action" name="action" defaultValue={filters.action ?? ""} hint='e.g. "invoice." for all' />
        <TextField label="From" name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label="To" name="to" type="date" defaultValue={filters.to ?? ""} />
        <div className="flex gap-3 sm:col-span-3 lg:col-span-6">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {isFiltered && (
            <Link href="/admin/audit" className="self-center text-sm font-medium text-brand-700 hover:underline">
              Clear filters
            </Link>
          )}
        </div>
      </form>
      {!parsed.success && (
        <div className="mb-4">
          <Alert tone="error">Some filters could not be read ({parsed.error.issues[0]?.message}); showing the newest entries.</Alert>
        </div>
      )}
      {entries.length === 0 ? (
        <EmptyState title={isFiltered ? "No audit entries match these filters." : "No audit entries yet."}>
          {isFiltered ? "Widen the date range or clear a filter." : "Changes to money, packages, settings, staff, roles and API keys appear here."}
        </EmptyState>
      ) : (
        <AuditEntriesTable entries={entries} caption="Audit log entries, newest first" />
      )}
      {nextHref && (
        <p className="mt-4">
          <Link href={nextHref} className="text-sm font-medium text-brand-700 hover:underline">
            Older entries →
          </Link>
        </p>
      )}
    </>
  );
};

export default AuditPage;
