"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";

type Outcome = { tone: "success" | "error"; message: string };

/**
 * "Resend Paid Event": announces `billing/invoice.paid` again for a paid invoice whose packages never left
 * Pending, so provisioning starts. The page shows it only then; the server re-checks and audit-logs it.
 */
export const ResendPaidEventButton = ({ invoiceId }: { invoiceId: string }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const resend = useMutation(
    trpc.billingAdmin.resendPaidEvent.mutationOptions({
      onSuccess: (result) => {
        const packages = result.pendingPackages === 1 ? "1 package" : `${result.pendingPackages} packages`;
        setOutcome({ tone: "success", message: `Paid event sent again (${result.eventId}). Provisioning of ${packages} starts now; follow it in the System Queue.` });
        router.refresh();
      },
      onError: (error) => setOutcome({ tone: "error", message: error.message }),
    }),
  );

  return (
    <div className="space-y-3">
      {outcome && <Alert tone={outcome.tone}>{outcome.message}</Alert>}
      <Button
        variant="secondary"
        isPending={resend.isPending}
        onClick={() => {
          setOutcome(null);
          resend.mutate({ invoiceId });
        }}
      >
        Resend Paid Event
      </Button>
    </div>
  );
};
