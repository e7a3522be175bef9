"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { TextField } from "./field";

/** E-mail and password sign-in against one of the two credential providers ("client" or "staff"). */
export const SignInForm = ({ provider, redirectTo }: { provider: "client" | "staff"; redirectTo: string }) => {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signIn(provider, {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setIsPending(false);
      setError("The e-mail address or password is not correct.");
      return;
    }
    router.replace(redirectTo);
    router.refresh();
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField label="E-mail" name="email" type="email" autoComplete="username" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" isPending={isPending} className="w-full">
        Sign In
      </Button>
    </form>
  );
};
