"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { readSignInError } from "@/server/auth/sign-in-errors";
import { Alert } from "./alert";
import { Button } from "./button";
import { TextField } from "./field";

/**
 * Sign-in against one of the two credential providers ("client" or "staff"): e-mail and password, then, when
 * the account uses two-factor, a second step for the app's code or a recovery code (the challenge from the
 * first step stands in for the password for five minutes; it is not a session).
 */
export const SignInForm = ({ provider, redirectTo, forgotHref }: { provider: "client" | "staff"; redirectTo: string; forgotHref: string }) => {
  const t = useTranslations("Account.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const credentials = challenge
      ? { challenge, code: String(form.get("code") ?? "") }
      : { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const result = await signIn(provider, { ...credentials, redirect: false }).catch(() => null);
    if (!result || result.error) {
      const next = readSignInError(result?.error ?? "");
      setIsPending(false);
      if (next.challenge) setChallenge(next.challenge);
      if (next.message?.startsWith("The sign-in took too long")) setChallenge(null);
      setError(next.message);
      return;
    }
    router.replace(redirectTo);
    router.refresh();
  };

  if (challenge) {
    return (
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <p className="text-sm text-slate-700">{t("codeIntro")}</p>
        <TextField key="code" label={t("code")} name="code" autoComplete="one-time-code" inputMode="text" autoFocus required />
        <Button type="submit" isPending={isPending} className="w-full">
          {t("verify")}
        </Button>
        <button type="button" className="text-sm text-brand-700 underline" onClick={() => { setChallenge(null); setError(null); }}>
          {t("startAgain")}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      {provider === "client" ? (
        <TextField label={t("emailOrUsername")} name="email" type="text" autoComplete="username" required />
      ) : (
        <TextField label={t("email")} name="email" type="email" autoComplete="username" required />
      )}
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" isPending={isPending} className="w-full">
        {t("submit")}
      </Button>
      <p className="text-center text-sm">
        <Link className="text-brand-700 underline" href={forgotHref}>
          {t("forgot")}
        </Link>
      </p>
    </form>
  );
};
