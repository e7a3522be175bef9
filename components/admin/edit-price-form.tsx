"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatMoney } from "@/lib/format-money";
import { currencyDigits, parseMoneyInput } from "@/lib/parse-money";
import { useTRPC } from "@/lib/trpc/client";

type EditPriceFormProps = {
  /** e.g. "Starter Monthly": names the form and its disclosure for assistive technology. */
  label: string;
  price: { id: string; currency: string; amountCents: number; setupFeeCents: number };
};

const plainAmount = (cents: number, currency: string) => (cents / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));

type FormErrors = { amount?: string; setupFee?: string };

/**
 * "Edit" on Admin → Products: one billing cycle's price and setup fee. The storefront shows the new amounts on
 * its next request (the change invalidates the cached storefront pages once it has committed).
 */
export const EditPriceForm = ({ label, price }: EditPriceFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [amount, setAmount] = useState(() => plainAmount(price.amountCents, price.currency));
  const [setupFee, setSetupFee] = useState(() => plainAmount(price.setupFeeCents, price.currency));
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const updatePrice = useMutation(
    trpc.catalogAdmin.updatePrice.mutationOptions({
      onSuccess: (result) => {
        setMessage({ tone: "success", text: `Saved: ${formatMoney(result.amountCents, result.currency)}, setup fee ${formatMoney(result.setupFeeCents, result.currency)}.` });
        router.refresh();
      },
      onError: (error) => {
        const fieldErrors = error.data?.fieldErrors ?? {};
        setErrors({ amount: fieldErrors.amountCents?.[0], setupFee: fieldErrors.setupFeeCents?.[0] });
        setMessage({ tone: "error", text: error.message });
      },
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    const amountCents = parseMoneyInput(amount, price.currency);
    const setupFeeCents = parseMoneyInput(setupFee, price.currency);
    const example = plainAmount(price.amountCents, price.currency);
    const next: FormErrors = {
      amount: amountCents === null ? `Enter an amount such as ${example}.` : undefined,
      setupFee: setupFeeCents === null ? "Enter an amount such as 0.00." : undefined,
    };
    setErrors(next);
    if (amountCents === null || setupFeeCents === null) {
      setMessage({ tone: "error", text: "Please correct the highlighted fields." });
      return;
    }
    updatePrice.mutate({ priceId: price.id, amountCents, setupFeeCents });
  };

  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">
        Edit<span className="sr-only"> {label} price</span>
      </summary>
      <form onSubmit={onSubmit} noValidate aria-label={`Edit ${label} price`} className="mt-2 w-56 space-y-3">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <TextField label="Price" name="amount" inputMode="decimal" autoComplete="off" required value={amount} onChange={(event) => setAmount(event.target.value)} error={errors.amount} hint={price.currency} />
        <TextField label="Setup Fee" name="setupFee" inputMode="decimal" autoComplete="off" required value={setupFee} onChange={(event) => setSetupFee(event.target.value)} error={errors.setupFee} hint={price.currency} />
        <Button type="submit" isPending={updatePrice.isPending}>
          Save
        </Button>
      </form>
    </details>
  );
};
