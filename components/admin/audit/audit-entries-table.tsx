import { TextLink } from "@/components/admin/text-link";
import { DataTable } from "@/components/ui/data-table";
import type { TAuditEntryRow } from "@/server/audit/list-audit-entries";

// NOTE: timestamps to the second in UTC, like the rest of the admin: an audit trail needs more than the day.
const WHEN_FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** The admin page of an entity, where one exists. */
const ENTITY_PAGES: Record<string, (id: string) => string> = {
  Invoice: (id) => `/admin/invoices/${id}`,
  Service: (id) => `/admin/packages/${id}`,
  Client: (id) => `/admin/clients/${id}`,
  Task: (id) => `/admin/tasks/${id}`,
  OutboxMail: (id) => `/admin/settings/mail/${id}`,
  Setting: () => "/admin/settings",
};

const ACTOR_KIND_LABEL = { STAFF: "Staff", CONTACT: "Client contact", API_KEY: "API key", SYSTEM: "System" } as const;

const show = (value: unknown) => (value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

const asRecord = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Each changed field as "before → after"; `details` (amounts, reasons) below. */
const Changes = ({ entry }: { entry: TAuditEntryRow }) => {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const details = Object.entries(asRecord(entry.details));
  if (!fields.length && !details.length) return <span className="text-slate-500">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {fields.map((field) => (
        <div key={field} className="break-all">
          <dt className="inline font-medium">{field}: </dt>
          <dd className="inline">
            {show(before[field])} → {show(after[field])}
          </dd>
        </div>
      ))}
      {details.map(([key, value]) => (
        <div key={`details-${key}`} className="break-all text-slate-600">
          <dt className="inline">{key}: </dt>
          <dd className="inline">{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
};

/** Audit entries as a table: when, who, what, on which record, which fields changed. */
export const AuditEntriesTable = ({ entries, caption, showEntity = true }: { entries: TAuditEntryRow[]; caption: string; showEntity?: boolean }) => (
  <DataTable
    caption={caption}
    rows={entries}
    rowKey={(entry) => entry.id}
    columns={[
      { header: "When (UTC)", cell: (entry) => <time dateTime={entry.createdAt.toISOString()}>{WHEN_FORMAT.format(entry.createdAt)}</time> },
      {
        header: "Actor",
        cell: (entry) => (
          <span>
            {entry.actorLabel || entry.actorId}
            <span className="block text-xs text-slate-500">
              {ACTOR_KIND_LABEL[entry.actorKind]}
              {entry.ip ? ` · ${entry.ip}` : ""}
            </span>
          </span>
        ),
      },
      { header: "Action", cell: (entry) => <code className="text-xs">{entry.action}</code> },
      ...(showEntity
        ? [
            {
              header: "Entity",
              cell: (entry: TAuditEntryRow) => {
                const href = ENTITY_PAGES[entry.entityType]?.(entry.entityId);
                const label = `${entry.entityType} ${entry.entityId}`;
                return href ? <TextLink href={href}>{label}</TextLink> : label;
              },
            },
          ]
        : []),
      { header: "Changes", cell: (entry) => <Changes entry={entry} /> },
    ]}
  />
);
