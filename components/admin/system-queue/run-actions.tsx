"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";
import { CancelRunDialog } from "./cancel-run-dialog";
import type { TRunDetail } from "./types";

type RunActionsProps = { run: Pick<TRunDetail, "id" | "canRetry" | "canCancel" | "canRunNow"> };

/**
 * Retry, Cancel and Run Now, each shown only while the run's state allows it. The server re-checks under a
 * lock, so a run that changed in the meantime answers with a message, shown in the alert.
 */
export const RunActions = ({ run }: RunActionsProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isConfirmingCancel, setIsConfirmingCancel] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.systemQueue.pathKey() });
  const retry = useMutation(
    trpc.systemQueue.retryRun.mutationOptions({
      onSuccess: async ({ runId }) => {
        await refresh();
        if (runId !== run.id) {
          router.push(`/admin/queue/runs/${runId}`);
          return;
        }
        setNotice("The failed step will be retried now.");
      },
    }),
  );
  const cancel = useMutation(
    trpc.systemQueue.cancelRun.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setNotice("The run was cancelled.");
      },
    }),
  );
  const runNow = useMutation(
    trpc.systemQueue.runNow.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setNotice("The run is due now and will continue shortly.");
      },
    }),
  );

  const mutations = [retry, cancel, runNow];
  const isBusy = mutations.some((mutation) => mutation.isPending);
  const error = mutations.find((mutation) => mutation.error)?.error;
  const start = (mutation: (typeof mutations)[number]) => {
    for (const other of mutations) other.reset();
    setNotice(null);
    mutation.mutate({ runId: run.id });
  };

  const hasActions = run.canRetry || run.canCancel || run.canRunNow;
  return (
    <div className="space-y-3">
      {hasActions && (
        <div className="flex flex-wrap gap-2">
          {run.canRunNow && (
            <Button isPending={runNow.isPending} disabled={isBusy} onClick={() => start(runNow)}>
              Run Now
            </Button>
          )}
          {run.canRetry && (
            <Button isPending={retry.isPending} disabled={isBusy} onClick={() => start(retry)}>
              Retry
            </Button>
          )}
          {run.canCancel && (
            <Button variant="danger" isPending={cancel.isPending} disabled={isBusy} onClick={() => setIsConfirmingCancel(true)}>
              Cancel
            </Button>
          )}
        </div>
      )}
      {error && <Alert tone="error">{error.message}</Alert>}
      {notice && !error && <Alert tone="success">{notice}</Alert>}
      <CancelRunDialog
        isOpen={isConfirmingCancel}
        onClose={() => setIsConfirmingCancel(false)}
        onConfirm={() => {
          setIsConfirmingCancel(false);
          start(cancel);
        }}
      />
    </div>
  );
};
