"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";

/** "Resend": queues the message for delivery now; the page then re-renders with its new state. */
export const ResendMailButton = ({ mailId }: { mailId: string }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const resend = useMutation(
    trpc.mail.resend.mutationOptions({
      onSuccess: () => {
        setMessage({ tone: "success", text: "The message is queued for delivery." });
        router.refresh();
      },
      onError: (error) => setMessage({ tone: "error", text: error.message }),
    }),
  );

  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button variant="secondary" isPending={resend.isPending} onClick={() => resend.mutate({ mailId })}>
        Resend
      </Button>
    </div>
  );
};
