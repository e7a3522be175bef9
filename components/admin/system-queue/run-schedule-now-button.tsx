"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";

/** Starts a cron function's run now (as its next slot would) and opens that run. */
export const RunScheduleNowButton = ({ functionId, functionName }: { functionId: string; functionName: string }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const runNow = useMutation(
    trpc.systemQueue.runScheduleNow.mutationOptions({
      onSuccess: async ({ runId }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.systemQueue.pathKey() });
        router.push(`/admin/queue/runs/${runId}`);
      },
    }),
  );
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        className="px-3 py-1"
        aria-label={`Run Now: ${functionName}`}
        isPending={runNow.isPending}
        onClick={() => runNow.mutate({ functionId })}
      >
        Run Now
      </Button>
      {runNow.error && (
        <span role="alert" className="text-xs text-red-600">
          {runNow.error.message}
        </span>
      )}
    </span>
  );
};
