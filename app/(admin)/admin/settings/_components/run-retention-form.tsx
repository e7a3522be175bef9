"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

type RunRetentionFormProps = { days: number; minDays: number; maxDays: number };

/** "Keep ended runs for (days)": the server validates again and answers a field error for a bad value. */
export const RunRetentionForm = ({ days, minDays, maxDays }: RunRetentionFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(String(days));
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const rangeMessage = `Enter a whole number of days from ${minDays} to ${maxDays}.`;

  const update = useMutation(
    trpc.systemQueue.updateRunRetention.mutationOptions({
      onSuccess: (result) => {
        setSuccess(`Ended runs and events are now kept for ${result.days} days.`);
        router.refresh();
      },
      onError: (mutationError) => {
        const fieldError = mutationError.data?.fieldErrors?.days?.[0];
        setError(fieldError);
        setFormError(fieldError ? "Please correct the highlighted field." : mutationError.message);
      },
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(null);
    setFormError(null);
    const trimmed = value.trim();
    const parsed = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isInteger(parsed) || parsed < minDays || parsed > maxDays) {
      setError(rangeMessage);
      setFormError("Please correct the highlighted field.");
      return;
    }
    setError(undefined);
    update.mutate({ days: parsed });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Workflow history" className="max-w-md space-y-4">
      {success && <Alert tone="success">{success}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField
        label="Keep ended runs for (days)"
        name="days"
        inputMode="numeric"
        autoComplete="off"
        required
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={error}
        hint={`${minDays}–${maxDays} days`}
      />
      <Button type="submit" isPending={update.isPending}>
        Save Retention
      </Button>
    </form>
  );
};
