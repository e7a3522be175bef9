import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { parseRunsFilters, countsQueryInput, runsQueryInput } from "@/components/admin/system-queue/runs-filters";
import { SystemQueueView } from "@/components/admin/system-queue/system-queue-view";
import { getQueryClient, trpc } from "@/lib/trpc/server";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "System Queue" };

type QueuePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const QueuePage = async ({ searchParams }: QueuePageProps) => {
  await requireStaff();
  const filters = parseRunsFilters(await searchParams);
  const queryClient = getQueryClient();
  // NOTE: awaited, so the first paint already shows the queue; live refresh takes over in the browser.
  await Promise.all([
    queryClient.prefetchQuery(trpc.systemQueue.listRuns.queryOptions(runsQueryInput(filters))),
    queryClient.prefetchQuery(trpc.systemQueue.countRuns.queryOptions(countsQueryInput(filters))),
    queryClient.prefetchQuery(trpc.systemQueue.listFunctions.queryOptions()),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SystemQueueView initialFilters={filters} />
    </HydrationBoundary>
  );
};

export default QueuePage;
