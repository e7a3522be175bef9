"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatMoney } from "@/lib/format-money";
import { parseMoneyInput } from "@/lib/parse-money";
import { useTRPC } from "@/lib/trpc/client";

type FormErrors = { amount?: string; description?: string };

/**
 * "Add Credit" on a client's details page: the typed amount becomes cents here with string arithmetic; the server
 * validates it again and answers field errors. The credit pays orders placed with the Account Credit method.
 */
export const AddCreditForm = ({ clientId, currency }: { clientId: string; currency: string }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [amount, setAmount] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const addCredit = useMutation(
    trpc.billingAdmin.addCredit.mutationOptions({
      onSuccess: (result, input) => {
        setMessage({ tone: "success", text: `Credit of ${formatMoney(input.amountCents, currency)} added. The balance is now ${formatMoney(result.creditBalanceCents, currency)}.` });
        setAmount("");
        setDescription("");
        router.refresh();
      },
      onError: (error) => {
        const fieldErrors = error.data?.fieldErrors ?? {};
        setErrors({ amount: fieldErrors.amountCents?.[0], description: fieldErrors.description?.[0] });
        setMessage({ tone: "error", text: error.message });
      },
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    const amountCents = parseMoneyInput(amount, currency);
    const next: FormErrors = {
      amount: amountCents === null || amountCents === 0 ? "Enter an amount greater than zero, such as 25.00." : undefined,
      description: description.trim() ? undefined : "Say why the credit is added, e.g. a prepayment or a goodwill credit.",
    };
    setErrors(next);
    if (amountCents === null || next.amount || next.description) {
      setMessage({ tone: "error", text: "Please correct the highlighted fields." });
      return;
    }
    addCredit.mutate({ clientId, amountCents, description });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add Credit" className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Amount" name="amount" inputMode="decimal" autoComplete="off" required value={amount} onChange={(event) => setAmount(event.target.value)} error={errors.amount} hint={currency} />
        <TextField
          label="Description"
          name="description"
          autoComplete="off"
          required
          className="sm:col-span-2"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors.description}
        />
      </div>
      <Button type="submit" isPending={addCredit.isPending}>
        Add Credit
      </Button>
    </form>
  );
};
