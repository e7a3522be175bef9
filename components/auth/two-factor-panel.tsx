"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

const codeOf = (event: FormEvent<HTMLFormElement>) => String(new FormData(event.currentTarget).get("code") ?? "");

/**
 * Two-factor set-up and removal for the signed-in account: QR code and secret, confirmation with a code, the
 * ten recovery codes shown once; turning it off needs a code too.
 */
export const TwoFactorPanel = ({ isEnabled }: { isEnabled: boolean }) => {
  const t = useTranslations("Account.twoFactor");
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.security.startTwoFactor.mutationOptions());
  const confirm = useMutation(trpc.security.confirmTwoFactor.mutationOptions());
  const [hasSavedCodes, setHasSavedCodes] = useState(false);
  // NOTE: the set-up's secret and codes are forgotten once it is off again, so "Set Up" starts afresh.
  const disable = useMutation(
    trpc.security.disableTwoFactor.mutationOptions({
      onSuccess: () => {
        start.reset();
        confirm.reset();
        setHasSavedCodes(false);
        router.refresh();
      },
    }),
  );
  // Confirmed here: on already, before the refreshed page says so (else the set-up form would flash back).
  const isOn = isEnabled || confirm.isSuccess;

  if (confirm.data && !hasSavedCodes) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("isOn")}</Alert>
        <p className="text-sm text-slate-700">{t("saveRecoveryCodes")}</p>
        <ul aria-label={t("recoveryCodes")} className="grid grid-cols-2 gap-2 font-mono text-sm">
          {confirm.data.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Button onClick={() => { setHasSavedCodes(true); router.refresh(); }}>{t("savedRecoveryCodes")}</Button>
      </div>
    );
  }

  if (isOn) {
    return (
      <form className="space-y-4" noValidate onSubmit={(event) => { event.preventDefault(); disable.mutate({ code: codeOf(event) }); }}>
        <Alert tone="success">{t("isOn")}</Alert>
        {disable.error && <Alert tone="error">{disable.error.message}</Alert>}
        <TextField label={t("codeToTurnOff")} name="code" autoComplete="one-time-code" required hint={t("codeToTurnOffHint")} />
        <Button type="submit" variant="secondary" isPending={disable.isPending}>
          {t("turnOff")}
        </Button>
      </form>
    );
  }

  if (!start.data) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {start.error && <Alert tone="error">{start.error.message}</Alert>}
        <Button onClick={() => start.mutate()} isPending={start.isPending}>
          {t("setUp")}
        </Button>
      </div>
    );
  }

  return (
    <form className="space-y-4" noValidate onSubmit={(event) => { event.preventDefault(); confirm.mutate({ code: codeOf(event) }); }}>
      <p className="text-sm text-slate-700">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
      <img src={start.data.qrDataUrl} alt={t("qrAlt")} width={220} height={220} />
      <p className="text-sm">
        {t("secretKey")}: <code data-testid="totp-secret" className="font-mono">{start.data.secret}</code>
      </p>
      {confirm.error && <Alert tone="error">{confirm.error.message}</Alert>}
      <TextField label={t("codeFromApp")} name="code" inputMode="numeric" autoComplete="one-time-code" required />
      <Button type="submit" isPending={confirm.isPending}>
        {t("turnOn")}
      </Button>
    </form>
  );
};

/** Ends every session of this account, this one included. */
export const SignOutEverywhereButton = ({ signOutTo }: { signOutTo: string }) => {
  const t = useTranslations("Account.security");
  const trpc = useTRPC();
  const signOutAll = useMutation(trpc.security.signOutEverywhere.mutationOptions({ onSuccess: () => signOut({ callbackUrl: signOutTo }) }));
  return (
    <div className="space-y-2">
      {signOutAll.error && <Alert tone="error">{signOutAll.error.message}</Alert>}
      <Button variant="secondary" onClick={() => signOutAll.mutate()} isPending={signOutAll.isPending}>
        {t("signOutEverywhere")}
      </Button>
    </div>
  );
};
