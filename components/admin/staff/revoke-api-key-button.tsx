"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";

export const RevokeApiKeyButton = ({ apiKeyId, name }: { apiKeyId: string; name: string }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => router.refresh(), onError: (error) => window.alert(error.message) }));
  return (
    <Button
      variant="secondary"
      aria-label={`Revoke ${name}`}
      isPending={revoke.isPending}
      onClick={() => {
        if (window.confirm(`Revoke the API key ${name}? Scripts using it stop working at once.`)) revoke.mutate({ apiKeyId });
      }}
    >
      Revoke
    </Button>
  );
};
