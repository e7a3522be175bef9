"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";
import { useFormFeedback } from "./use-form-feedback";

type TCurrency = { code: string; symbol: string; minorUnits: number; exchangeRate: string; isDefault: boolean };

/**
 * Admin → Currencies: "Add Currency" (code, symbol, decimals, rate) or a currency's "Save" (symbol, rate). The
 * rate is sent as typed, a decimal string, and stored exactly; the default currency's rate stays 1.
 */
export const CurrencyForm = ({ currency }: { currency?: TCurrency }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const feedback = useFormFeedback();
  const [values, setValues] = useState({ code: currency?.code ?? "", symbol: currency?.symbol ?? "", minorUnits: String(currency?.minorUnits ?? 2), exchangeRate: currency?.exchangeRate ?? "" });
  const set = (key: keyof typeof values, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const onSuccess = () => {
    feedback.succeed(currency ? "Saved. Converted prices use the new rate from the next request." : "Currency added.");
    if (!currency) setValues({ code: "", symbol: "", minorUnits: "2", exchangeRate: "" });
    router.refresh();
  };
  const create = useMutation(trpc.catalogAdmin.createCurrency.mutationOptions({ onSuccess, onError: feedback.onServerError }));
  const update = useMutation(trpc.catalogAdmin.updateCurrency.mutationOptions({ onSuccess, onError: feedback.onServerError }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    feedback.reset();
    if (currency) {
      update.mutate({ code: currency.code, symbol: values.symbol, exchangeRate: currency.isDefault ? "1" : values.exchangeRate });
      return;
    }
    if (!/^[0-4]$/.test(values.minorUnits.trim())) {
      feedback.fail("Please correct the highlighted fields.", { minorUnits: "Use 0 to 4 decimals." });
      return;
    }
    create.mutate({ code: values.code, symbol: values.symbol, minorUnits: Number(values.minorUnits.trim()), exchangeRate: values.exchangeRate });
  };
  const errors = feedback.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={currency ? `Edit ${currency.code}` : "Add Currency"} className="space-y-3">
      {feedback.message && <Alert tone={feedback.message.tone}>{feedback.message.text}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        {!currency && <TextField label="Code" className="w-24" value={values.code} onChange={(event) => set("code", event.target.value)} error={errors.code} maxLength={3} required />}
        <TextField label="Symbol" className="w-24" value={values.symbol} onChange={(event) => set("symbol", event.target.value)} error={errors.symbol} required />
        {!currency && <TextField label="Decimals" className="w-24" inputMode="numeric" value={values.minorUnits} onChange={(event) => set("minorUnits", event.target.value)} error={errors.minorUnits} />}
        {!currency?.isDefault && (
          <TextField
            label="Exchange Rate"
            hint="Units of this currency for 1 of the default currency, e.g. 0.92."
            className="w-48"
            inputMode="decimal"
            value={values.exchangeRate}
            onChange={(event) => set("exchangeRate", event.target.value)}
            error={errors.exchangeRate}
            required
          />
        )}
        <Button type="submit" isPending={create.isPending || update.isPending}>
          {currency ? <>Save<span className="sr-only"> {currency.code}</span></> : "Add Currency"}
        </Button>
      </div>
    </form>
  );
};
