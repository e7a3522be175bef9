"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

type TPolicy = "privileged" | "all" | "off";
type StaffTwoFactorFormProps = { policy: TPolicy; options: readonly { value: TPolicy; label: string }[] };

/** "Require two-factor for": the staff two-factor setting; the server refuses it without settings.manage. */
export const StaffTwoFactorForm = ({ policy, options }: StaffTwoFactorFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState<TPolicy>(policy);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const update = useMutation(
    trpc.staff.updateTwoFactorPolicy.mutationOptions({
      onSuccess: () => {
        setMessage({ tone: "success", text: "Saved. Staff it now applies to are asked to set up two-factor on their next page." });
        router.refresh();
      },
      onError: (error) => setMessage({ tone: "error", text: error.message }),
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    update.mutate({ policy: value });
  };

  return (
    <form onSubmit={onSubmit} aria-label="Staff sign-in" className="max-w-md space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <SelectField label="Require two-factor for" name="policy" value={value} options={options} onChange={(event) => setValue(event.target.value as TPolicy)} />
      <Button type="submit" isPending={update.isPending}>
        Save Sign-In Settings
      </Button>
    </form>
  );
};
