import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunDetailView } from "@/components/admin/system-queue/run-detail-view";
import { getQueryClient, trpc } from "@/lib/trpc/server";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Workflow run" };

type RunPageProps = { params: Promise<{ runId: string }> };

const RunPage = async ({ params }: RunPageProps) => {
  await requireStaff("queue.read");
  const { runId } = await params;
  const queryClient = getQueryClient();
  try {
    // NOTE: fetchQuery (not prefetch) so an unknown id surfaces here as NOT_FOUND and becomes a 404 page.
    await queryClient.fetchQuery(trpc.systemQueue.getRun.queryOptions({ runId }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) {
      notFound();
    }
    throw error;
  }

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RunDetailView runId={runId} />
    </HydrationBoundary>
  );
};

export default RunPage;
