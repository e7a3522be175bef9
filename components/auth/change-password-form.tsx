"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("Account.password");
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
    <form onSubmit={onSubmit} aria-label={t("change")} className="max-w-md space-y-4" noValidate>
      {change.error && <Alert tone="error">{Object.keys(fieldErrors).length ? t("correctFields") : change.error.message}</Alert>}
      {change.isSuccess && <Alert tone="success">{t("changedSigningOut")}</Alert>}
      <TextField label={t("current")} name="currentPassword" type="password" autoComplete="current-password" required error={fieldErrors.currentPassword?.[0]} />
      <TextField label={t("new")} name="password" type="password" autoComplete="new-password" required hint={t("rule")} error={fieldErrors.password?.[0]} />
      <TextField label={t("confirmNew")} name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword?.[0]} />
      <Button type="submit" isPending={change.isPending || change.isSuccess}>
        {t("change")}
      </Button>
    </form>
  );
};
