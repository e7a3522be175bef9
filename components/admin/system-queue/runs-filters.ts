import { RUN_DISPLAY_STATUSES, type TRunDisplayStatus } from "./run-status";

// Shared by the page (a server component: reads the URL, prefetches) and RunsPanel (a client component),
// so both build the same listRuns input and hit the same query key.

export type TRunsFilters = {
  status?: TRunDisplayStatus;
  functionId?: string;
  cursor?: string;
  direction: "older" | "newer";
};

export const isDisplayStatus = (value: string): value is TRunDisplayStatus => (RUN_DISPLAY_STATUSES as readonly string[]).includes(value);

type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Filters from the URL (`?status=FAILED&function=…&cursor=…&direction=older`); anything malformed is dropped. */
export const parseRunsFilters = (searchParams: SearchParams): TRunsFilters => {
  const status = single(searchParams.status);
  const functionId = single(searchParams.function);
  const cursor = single(searchParams.cursor);
  return {
    status: status && isDisplayStatus(status) ? status : undefined,
    functionId: functionId && functionId.length <= 200 ? functionId : undefined,
    cursor: cursor && cursor.length <= 64 ? cursor : undefined,
    direction: single(searchParams.direction) === "newer" ? "newer" : "older",
  };
};

/** The URL query for a filter state; the inverse of parseRunsFilters. */
export const runsFiltersToSearch = ({ status, functionId, cursor, direction }: TRunsFilters) => {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (functionId) params.set("function", functionId);
  if (cursor) {
    params.set("cursor", cursor);
    params.set("direction", direction);
  }
  return params.toString();
};

/** The listRuns input for a filter state (no undefined keys, so prefetch and client agree on the key). */
export const runsQueryInput = ({ status, functionId, cursor, direction }: TRunsFilters) => ({
  ...(status ? { status } : {}),
  ...(functionId ? { functionId } : {}),
  ...(cursor ? { cursor, direction } : {}),
});

export const countsQueryInput = ({ functionId }: TRunsFilters) => (functionId ? { functionId } : {});

export const RECENT_EVENTS_LIMIT = 20;

/** The listRecentEvents input; executor lifecycle events stay hidden until staff ask for them. */
export const recentEventsQueryInput = (includeInternal = false) => ({ limit: RECENT_EVENTS_LIMIT, includeInternal });
