"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

type TFieldErrors = Partial<Record<string, string[]>>;

/** The page a reset link opens: a new password (the same rule as everywhere), then back to sign-in. */
export const ResetPasswordForm = ({ token, signInHref }: { token: string; signInHref: string }) => {
  const t = useTranslations("Account.password");
  const trpc = useTRPC();
  const reset = useMutation(trpc.security.resetPassword.mutationOptions());
  const fieldErrors = ((reset.error?.data as { fieldErrors?: TFieldErrors } | undefined)?.fieldErrors ?? {}) as TFieldErrors;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    reset.mutate({ token, password: String(form.get("password") ?? ""), confirmPassword: String(form.get("confirmPassword") ?? "") });
  };
  if (reset.isSuccess) {
    return (
      <Alert tone="success">
        {t("resetDone")}{" "}
        <Link className="font-medium underline" href={signInHref}>
          {t("signIn")}
        </Link>
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {reset.error && <Alert tone="error">{fieldErrors.token?.[0] ?? reset.error.message}</Alert>}
      <TextField label={t("new")} name="password" type="password" autoComplete="new-password" required hint={t("rule")} error={fieldErrors.password?.[0]} />
      <TextField label={t("confirmNew")} name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword?.[0]} />
      <Button type="submit" isPending={reset.isPending} className="w-full">
        {t("setNew")}
      </Button>
    </form>
  );
};
