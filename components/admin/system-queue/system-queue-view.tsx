"use client";

import { useIsFetching } from "@tanstack/react-query";
import { PageHeader } from "@/components/ui/page-header";
import { useTRPC } from "@/lib/trpc/client";
import { LiveToggle } from "./live-toggle";
import { RecentEventsCard } from "./recent-events-card";
import type { TRunsFilters } from "./runs-filters";
import { RunsPanel } from "./runs-panel";
import { SchedulesCard } from "./schedules-card";
import { useLiveRefresh } from "./use-live-refresh";

/** The System Queue page: runs (with status tiles, filters, pages), schedules and recent events, all live. */
export const SystemQueueView = ({ initialFilters }: { initialFilters: TRunsFilters }) => {
  const trpc = useTRPC();
  const { isLive, toggleLive, refetchInterval } = useLiveRefresh();
  const fetching = useIsFetching({ queryKey: trpc.systemQueue.pathKey() });
  return (
    <>
      <PageHeader
        title="System Queue"
        description="Every scheduled or triggered workflow run: renewals, reminders, suspensions, provisioning and more."
        actions={<LiveToggle isLive={isLive} onToggle={toggleLive} isFetching={fetching > 0} />}
      />
      <RunsPanel initialFilters={initialFilters} refetchInterval={refetchInterval} />
      {/* NOTE: stacked, not side by side: both tables need the full width before they start scrolling. */}
      <div className="mt-8 space-y-6">
        <SchedulesCard refetchInterval={refetchInterval} />
        <RecentEventsCard refetchInterval={refetchInterval} />
      </div>
    </>
  );
};
