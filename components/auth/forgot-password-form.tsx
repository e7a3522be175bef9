"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

/** "Forgot your password?": the answer is the same whether or not the address has an account. */
export const ForgotPasswordForm = ({ kind }: { kind: "client" | "staff" }) => {
  const t = useTranslations("Account");
  const trpc = useTRPC();
  const request = useMutation(trpc.security.requestPasswordReset.mutationOptions());
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate({ kind, email: String(new FormData(event.currentTarget).get("email") ?? "") });
  };
  if (request.data) return <Alert tone="success">{request.data.message}</Alert>;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {request.error && <Alert tone="error">{request.error.message}</Alert>}
      <TextField label={t("signIn.email")} name="email" type="email" autoComplete="username" required />
      <Button type="submit" isPending={request.isPending} className="w-full">
        {t("password.sendResetLink")}
      </Button>
    </form>
  );
};
