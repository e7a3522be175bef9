"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

type TFieldErrors = Partial<Record<string, string[]>>;

/**
 * "Change Password" for the signed-in account. A change ends every session, this one too, so success signs out
 * to the sign-in page, where the new password works.
 */
export const ChangePasswordForm = ({ signOutTo }: { signOutTo: string }) => {
  const trpc = useTRPC();
  const change = useMutation(trpc.security.changePassword.mutationOptions({ onSuccess: () => signOut({ callbackUrl: signOutTo }) }));
  const fieldErrors = ((change.error?.data as { fieldErrors?: TFieldErrors } | undefined)?.fieldErrors ?? {}) as TFieldErrors;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    change.mutate({ currentPassword: field("currentPassword"), password: field("password"), confirmPassword: field("confirmPassword") });
  };
  return (
    <form onSubmit={onSubmit} aria-label="Change password" className="max-w-md space-y-4" noValidate>
      {change.error && <Alert tone="error">{Object.keys(fieldErrors).length ? "Please correct the highlighted fields." : change.error.message}</Alert>}
      {change.isSuccess && <Alert tone="success">Your password has been changed. Signing you out…</Alert>}
      <TextField label="Current Password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldErrors.currentPassword?.[0]} />
      <TextField label="New Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters, not a common password." error={fieldErrors.password?.[0]} />
      <TextField label="Confirm New Password" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword?.[0]} />
      <Button type="submit" isPending={change.isPending || change.isSuccess}>
        Change Password
      </Button>
    </form>
  );
};
