"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";
import { RUN_DISPLAY_STATUSES, RUN_STATUS_LABELS, type TRunDisplayStatus } from "./run-status";
import { countsQueryInput, isDisplayStatus, runsFiltersToSearch, runsQueryInput, type TRunsFilters } from "./runs-filters";
import { RunsTable } from "./runs-table";
import { StatusTiles } from "./status-tiles";

const STATUS_OPTIONS = [{ value: "", label: "All statuses" }, ...RUN_DISPLAY_STATUSES.map((status) => ({ value: status, label: RUN_STATUS_LABELS[status] }))];

// NOTE: filters and page live in the URL (replaceState, no server round trip), so a view can be shared
// or reloaded as it was.
const writeFiltersToUrl = (filters: TRunsFilters) => {
  const query = runsFiltersToSearch(filters);
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
};

type RunsPanelProps = { initialFilters: TRunsFilters; refetchInterval: number | false };

export const RunsPanel = ({ initialFilters, refetchInterval }: RunsPanelProps) => {
  const trpc = useTRPC();
  const [filters, setFilters] = useState(initialFilters);
  useEffect(() => writeFiltersToUrl(filters), [filters]);

  const counts = useQuery(trpc.systemQueue.countRuns.queryOptions(countsQueryInput(filters), { refetchInterval }));
  const functions = useQuery(trpc.systemQueue.listFunctions.queryOptions());
  const runs = useQuery(
    trpc.systemQueue.listRuns.queryOptions(runsQueryInput(filters), { refetchInterval, placeholderData: keepPreviousData }),
  );

  const setStatus = (status: TRunDisplayStatus | undefined) => setFilters((current) => ({ ...current, status, cursor: undefined, direction: "older" }));
  const functionOptions = [
    { value: "", label: "All functions" },
    ...(functions.data ?? []).map((fn) => ({ value: fn.id, label: fn.name === fn.id ? fn.id : `${fn.name} (${fn.id})` })),
    // NOTE: keep a function chosen from the URL selectable before (or without) the list arriving.
    ...(filters.functionId && !functions.data?.some((fn) => fn.id === filters.functionId) ? [{ value: filters.functionId, label: filters.functionId }] : []),
  ];
  const page = runs.data;
  // NOTE: paging back to the top lands on the newest page; dropping the cursor then lets live refresh keep
  // showing the newest runs instead of the runs after a fixed id. Adjusting state during render (not in an
  // effect) is React's pattern for state derived from new data: the extra render happens before paint.
  const isBackAtTop = Boolean(filters.cursor && page && !page.newerCursor && !runs.isPlaceholderData);
  if (isBackAtTop) {
    setFilters((current) => ({ ...current, cursor: undefined, direction: "older" }));
  }
  const hasFilters = Boolean(filters.status || filters.functionId);

  return (
    <div>
      <StatusTiles counts={counts.data} selected={filters.status} onSelect={setStatus} />

      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:max-w-2xl">
        <SelectField
          label="Status"
          value={filters.status ?? ""}
          options={STATUS_OPTIONS}
          onChange={(event) => setStatus(isDisplayStatus(event.target.value) ? event.target.value : undefined)}
        />
        <SelectField
          label="Function"
          value={filters.functionId ?? ""}
          options={functionOptions}
          onChange={(event) =>
            setFilters((current) => ({ ...current, functionId: event.target.value || undefined, cursor: undefined, direction: "older" }))
          }
        />
      </div>

      {runs.error && <Alert tone="error">The runs could not be loaded: {runs.error.message}</Alert>}
      {runs.isPending && <p className="py-6 text-sm text-slate-600">Loading runs…</p>}
      {page && page.runs.length === 0 && (
        <EmptyState title={hasFilters ? "No runs match these filters" : "No workflow runs yet"}>
          {hasFilters
            ? "Change the status or function filter to see other runs."
            : "Runs appear here as soon as an event or a schedule starts a workflow."}
        </EmptyState>
      )}
      {page && page.runs.length > 0 && (
        <>
          <RunsTable runs={page.runs} />
          <nav aria-label="Runs pages" className="mt-3 flex items-center justify-between gap-2">
            <Button
              variant="secondary"
              disabled={!page.newerCursor}
              onClick={() => setFilters((current) => ({ ...current, cursor: page.newerCursor ?? undefined, direction: "newer" }))}
            >
              Previous
            </Button>
            <Button
              variant="secondary"
              disabled={!page.olderCursor}
              onClick={() => setFilters((current) => ({ ...current, cursor: page.olderCursor ?? undefined, direction: "older" }))}
            >
              Next
            </Button>
          </nav>
        </>
      )}
    </div>
  );
};
