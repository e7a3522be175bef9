"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/client";
import { formatDateTimeCompact } from "./format";
import { JsonBlock } from "./json-block";
import { RECENT_EVENTS_LIMIT, recentEventsQueryInput } from "./runs-filters";
import type { TQueueEvent } from "./types";

const COLUMNS: Column<TQueueEvent>[] = [
  { header: "Name", cell: (event) => <span className="whitespace-nowrap font-mono text-xs">{event.name}</span> },
  { header: "Received (UTC)", cell: (event) => <span className="whitespace-nowrap tabular-nums">{formatDateTimeCompact(event.receivedAt)}</span> },
  {
    header: "ID",
    cell: (event) => (
      <>
        <span className="font-mono text-xs">{event.id}</span>
        {event.externalId && <span className="block font-mono text-xs text-slate-500">sender id: {event.externalId}</span>}
      </>
    ),
  },
  {
    header: "Payload",
    className: "px-4 py-2.5 align-top text-slate-800 min-w-64",
    cell: (event) => (
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Show payload</summary>
        <div className="mt-2">
          <JsonBlock value={event.data} label={`Payload of ${event.name}`} />
        </div>
      </details>
    ),
  },
];

/** The latest events the executor received: what started (or will resume) the runs above. */
export const RecentEventsCard = ({ refetchInterval }: { refetchInterval: number | false }) => {
  const trpc = useTRPC();
  const checkboxId = useId();
  const [includeInternal, setIncludeInternal] = useState(false);
  const events = useQuery(
    trpc.systemQueue.listRecentEvents.queryOptions(recentEventsQueryInput(includeInternal), { refetchInterval }),
  );
  return (
    <Card
      title="Recent events"
      actions={
        <label htmlFor={checkboxId} className="flex items-center gap-2 text-sm text-slate-700">
          <input
            id={checkboxId}
            type="checkbox"
            checked={includeInternal}
            onChange={(event) => setIncludeInternal(event.target.checked)}
            className="size-4 rounded border-slate-300"
          />
          Show executor events
        </label>
      }
    >
      {events.error && <Alert tone="error">The events could not be loaded: {events.error.message}</Alert>}
      {events.isPending && <p className="text-sm text-slate-600">Loading events…</p>}
      {events.data?.length === 0 && <EmptyState title="No events received yet">Events sent by the app and its workflows appear here.</EmptyState>}
      {events.data && events.data.length > 0 && (
        <DataTable caption={`The ${RECENT_EVENTS_LIMIT} latest events, newest first`} columns={COLUMNS} rows={events.data} rowKey={(event) => event.id} />
      )}
    </Card>
  );
};
