import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { countsQueryInput, parseRunsFilters, recentEventsQueryInput, runsQueryInput } from "@/components/admin/system-queue/runs-filters";
import { SystemQueueView } from "@/components/admin/system-queue/system-queue-view";
import { Alert } from "@/components/ui/alert";
import { getQueryClient, trpc } from "@/lib/trpc/server";
import { requireStaff } from "@/server/auth";
import { workflowEngine } from "@/server/workflows/engine";

export const metadata: Metadata = { title: "System Queue" };

type QueuePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const QueuePage = async ({ searchParams }: QueuePageProps) => {
  await requireStaff("queue.read");
  const filters = parseRunsFilters(await searchParams);
  const queryClient = getQueryClient();
  // NOTE: awaited, so the first paint already shows the queue; live refresh takes over in the browser.
  await Promise.all([
    queryClient.prefetchQuery(trpc.systemQueue.listRuns.queryOptions(runsQueryInput(filters))),
    queryClient.prefetchQuery(trpc.systemQueue.countRuns.queryOptions(countsQueryInput(filters))),
    queryClient.prefetchQuery(trpc.systemQueue.listFunctions.queryOptions()),
    queryClient.prefetchQuery(trpc.systemQueue.listSchedules.queryOptions()),
    queryClient.prefetchQuery(trpc.systemQueue.listRecentEvents.queryOptions(recentEventsQueryInput())),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {workflowEngine() === "inngest" && (
        <div className="mb-4">
          <Alert tone="info">
            Workflows run on an Inngest server (WORKFLOW_ENGINE=inngest). Its dashboard shows their runs; this page lists only
            runs of the embedded executor.
          </Alert>
        </div>
      )}
      <SystemQueueView initialFilters={filters} />
    </HydrationBoundary>
  );
};

export default QueuePage;
