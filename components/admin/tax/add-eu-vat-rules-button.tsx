"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";

/** "Add EU VAT rules": the EU-27 standard rates as dated rules; running it again adds nothing. */
export const AddEuVatRulesButton = () => {
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const add = useMutation(
    trpc.taxAdmin.addEuVatRules.mutationOptions({
      onSuccess: ({ added }) => {
        setMessage({ tone: "success", text: added > 0 ? `Added ${added} EU VAT rules.` : "The EU VAT rules are already there; nothing was added." });
        router.refresh();
      },
      onError: (error) => setMessage({ tone: "error", text: error.message }),
    }),
  );
  return (
    <div className="space-y-2">
      <Button variant="secondary" isPending={add.isPending} onClick={() => add.mutate()}>
        Add EU VAT rules
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
};
