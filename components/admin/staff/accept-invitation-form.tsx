"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

/** The invitee chooses a password; afterwards they sign in with it. */
export const AcceptInvitationForm = ({ token, email }: { token: string; email: string }) => {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const accept = useMutation(trpc.staff.acceptInvitation.mutationOptions());
  if (accept.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your password is set. Sign in with {email} and your new password.</Alert>
        <ButtonLink href="/admin/login">Sign In</ButtonLink>
      </div>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password === confirmation) accept.mutate({ token, password });
  };
  return (
    <form aria-label="Set your password" className="space-y-4" onSubmit={onSubmit} noValidate>
      {accept.error && <Alert tone="error">{accept.error.message}</Alert>}
      <p className="text-sm text-slate-600">Staff account: {email}</p>
      <TextField label="New password" name="password" type="password" autoComplete="new-password" minLength={10} hint="At least 10 characters." value={password} onChange={(event) => setPassword(event.target.value)} error={accept.error?.data?.fieldErrors?.password?.[0]} required />
      <TextField label="Repeat password" name="confirmation" type="password" autoComplete="new-password" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} error={mismatch ? "The passwords do not match." : undefined} required />
      <Button type="submit" isPending={accept.isPending}>
        Set Password
      </Button>
    </form>
  );
};
