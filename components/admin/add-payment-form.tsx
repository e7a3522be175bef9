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

type AddPaymentFormProps = {
  invoiceId: string;
  currency: string;
  balanceCents: number;
  /** Whether the invoice still takes payments (issued and not paid in full). */
  isPayable: boolean;
  /** Today's date (YYYY-MM-DD) from the server clock: the default "date received". */
  today: string;
};

type FormErrors = { amount?: string; receivedOn?: string; transactionId?: string };

const plainAmount = (cents: number, currency: string) => {
  const digits = currencyDigits(currency);
  return (cents / 10 ** digits).toFixed(digits);
};

/**
 * "Add Payment" (001 ch. 4): staff record money received by bank transfer. The typed amount is converted to
 * cents here with string arithmetic; the server re-checks it against the balance due and answers field errors.
 */
export const AddPaymentForm = ({ invoiceId, currency, balanceCents, isPayable, today }: AddPaymentFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [amount, setAmount] = useState(() => plainAmount(balanceCents, currency));
  const [receivedOn, setReceivedOn] = useState(today);
  const [transactionId, setTransactionId] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  const addPayment = useMutation(
    trpc.billingAdmin.addPayment.mutationOptions({
      onSuccess: (result, input) => {
        const status = result.paymentStatus === "PAID" ? "Paid" : "Partially Paid";
        setSuccess(`Payment of ${formatMoney(input.amountCents, currency)} recorded. The invoice is now ${status}.`);
        setTransactionId("");
        setAmount(plainAmount(result.balanceCents, currency));
        router.refresh();
      },
      onError: (error) => {
        const fieldErrors = error.data?.fieldErrors ?? {};
        const next: FormErrors = {
          amount: fieldErrors.amountCents?.[0],
          receivedOn: fieldErrors.receivedOn?.[0] ?? fieldErrors.receivedAt?.[0],
          transactionId: fieldErrors.transactionId?.[0],
        };
        setErrors(next);
        const hasFieldError = Object.values(next).some(Boolean);
        setFormError(hasFieldError && error.data?.code === "BAD_REQUEST" ? "Please correct the highlighted fields." : error.message);
      },
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(null);
    setFormError(null);
    const amountCents = parseMoneyInput(amount, currency);
    const next: FormErrors = {
      amount: amountCents === null ? `Enter an amount such as ${plainAmount(balanceCents, currency)}.` : undefined,
      receivedOn: receivedOn ? undefined : "Enter the date the money was received.",
      transactionId: transactionId.trim() ? undefined : "Enter the transaction ID from the bank statement.",
    };
    setErrors(next);
    if (amountCents === null || next.receivedOn || next.transactionId) {
      setFormError("Please correct the highlighted fields.");
      return;
    }
    addPayment.mutate({ invoiceId, amountCents, receivedOn, transactionId });
  };

  return (
    <div className="space-y-4">
      {success && <Alert tone="success">{success}</Alert>}
      {!isPayable ? (
        <p className="text-sm text-slate-600">This invoice takes no further payments.</p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Add Payment" className="space-y-4">
          {formError && <Alert tone="error">{formError}</Alert>}
          <p className="text-sm text-slate-600">
            Method: Bank Transfer. Balance due: <strong>{formatMoney(balanceCents, currency)}</strong>
          </p>
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField
              label="Amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              required
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              error={errors.amount}
              hint={currency}
            />
            <TextField
              label="Date"
              name="receivedOn"
              type="date"
              required
              max={today}
              value={receivedOn}
              onChange={(event) => setReceivedOn(event.target.value)}
              error={errors.receivedOn}
            />
            <TextField
              label="Transaction ID"
              name="transactionId"
              autoComplete="off"
              required
              maxLength={100}
              value={transactionId}
              onChange={(event) => setTransactionId(event.target.value)}
              error={errors.transactionId}
            />
          </div>
          <Button type="submit" isPending={addPayment.isPending}>
            Add Payment
          </Button>
        </form>
      )}
    </div>
  );
};
