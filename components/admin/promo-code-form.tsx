"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField, TextField } from "@/components/ui/field";
import { BILLING_CYCLES, billingCycleLabel, type TBillingCycle } from "@/lib/billing-cycles";
import { currencyDigits, parseMoneyInput } from "@/lib/parse-money";
import { useTRPC } from "@/lib/trpc/client";

const DAY_MS = 86_400_000;

export type TPromoCodeFormValues = {
  id: string;
  code: string;
  description: string;
  kind: "PERCENT" | "FIXED";
  percentBasisPoints: number | null;
  amounts: { currency: string; amountCents: number }[];
  recurrence: "ONCE" | "RECURRING" | "FOREVER";
  recurringCycles: number | null;
  productIds: string[];
  addonIds: string[];
  cycles: TBillingCycle[];
  startsAt: Date | null;
  endsAt: Date | null;
  maxUses: number | null;
  oncePerClient: boolean;
  newClientsOnly: boolean;
  isActive: boolean;
};

type PromoCodeFormProps = {
  promo?: TPromoCodeFormValues;
  currencies: readonly string[];
  products: readonly { value: string; label: string }[];
  addons: readonly { value: string; label: string }[];
};

/** "12.5" → 1250 basis points; null for anything else than a percentage with at most two decimals. */
const parsePercent = (text: string) => {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  return match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : null;
};
const plainAmount = (cents: number, currency: string) => (cents / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));
/** Dates are whole UTC days; "Valid Until" includes its day, so the stored end is the next midnight. */
const dayText = (date: Date | null, shiftDays = 0) => (date ? new Date(date.getTime() + shiftDays * DAY_MS).toISOString().slice(0, 10) : "");
const dayOf = (text: string, shiftDays = 0) => (text ? new Date(new Date(`${text}T00:00:00Z`).getTime() + shiftDays * DAY_MS) : null);
const wholeOrNull = (text: string) => (text.trim() === "" ? null : /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

const CYCLE_OPTIONS = BILLING_CYCLES.map((cycle) => ({ value: cycle, label: billingCycleLabel(cycle) }));
const RECURRENCE_OPTIONS = [
  { value: "ONCE", label: "Once (the first invoice)" },
  { value: "RECURRING", label: "Recurring (a number of invoices)" },
  { value: "FOREVER", label: "Forever (every invoice)" },
];

/** Add Promo Code / Edit Promo Code on Admin → Promotions. */
export const PromoCodeForm = ({ promo, currencies, products, addons }: PromoCodeFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [code, setCode] = useState(promo?.code ?? "");
  const [description, setDescription] = useState(promo?.description ?? "");
  const [kind, setKind] = useState<"PERCENT" | "FIXED">(promo?.kind ?? "PERCENT");
  const [percent, setPercent] = useState(promo?.percentBasisPoints ? (promo.percentBasisPoints / 100).toString() : "");
  const [amounts, setAmounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(currencies.map((currency) => [currency, ((cents) => (cents === undefined ? "" : plainAmount(cents, currency)))(promo?.amounts.find((amount) => amount.currency === currency)?.amountCents)])),
  );
  const [recurrence, setRecurrence] = useState(promo?.recurrence ?? "ONCE");
  const [recurringCycles, setRecurringCycles] = useState(promo?.recurringCycles?.toString() ?? "");
  const [productIds, setProductIds] = useState<string[]>(promo?.productIds ?? []);
  const [addonIds, setAddonIds] = useState<string[]>(promo?.addonIds ?? []);
  const [cycles, setCycles] = useState<string[]>(promo?.cycles ?? []);
  const [startsAt, setStartsAt] = useState(dayText(promo?.startsAt ?? null));
  const [validUntil, setValidUntil] = useState(dayText(promo?.endsAt ?? null, -1));
  const [maxUses, setMaxUses] = useState(promo?.maxUses?.toString() ?? "");
  const [oncePerClient, setOncePerClient] = useState(promo?.oncePerClient ?? false);
  const [newClientsOnly, setNewClientsOnly] = useState(promo?.newClientsOnly ?? false);
  const [isActive, setIsActive] = useState(promo?.isActive ?? true);
  const [localErrors, setLocalErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);

  const save = useMutation(
    trpc.promotions.save.mutationOptions({
      onSuccess: () => router.push("/admin/promotions?saved=1"),
      onError: (error) => setMessage(error.message),
    }),
  );
  const serverErrors = save.error?.data?.fieldErrors ?? {};
  const errorOf = (field: string) => localErrors[field] ?? serverErrors[field]?.[0];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    const percentBasisPoints = kind === "PERCENT" ? parsePercent(percent) : null;
    const parsedAmounts = currencies.filter((currency) => amounts[currency]?.trim()).map((currency) => ({ currency, amountCents: parseMoneyInput(amounts[currency]!, currency) }));
    const cyclesCount = wholeOrNull(recurringCycles);
    const uses = wholeOrNull(maxUses);
    const errors = {
      percentBasisPoints: kind === "PERCENT" && percentBasisPoints === null ? "Enter a percentage such as 10 or 12.5." : undefined,
      amounts: kind === "FIXED" && parsedAmounts.some((amount) => amount.amountCents === null) ? "Enter amounts such as 5.00." : undefined,
      recurringCycles: recurrence === "RECURRING" && Number.isNaN(cyclesCount) ? "Enter a whole number of invoices." : undefined,
      maxUses: Number.isNaN(uses) ? "Enter a whole number, or leave it empty for no limit." : undefined,
    };
    setLocalErrors(errors);
    if (Object.values(errors).some(Boolean)) {
      setMessage("Please correct the highlighted fields.");
      return;
    }
    save.mutate({
      id: promo?.id ?? null,
        code, description, kind, percentBasisPoints,
        amounts: kind === "FIXED" ? parsedAmounts.map((amount) => ({ currency: amount.currency, amountCents: amount.amountCents! })) : [],
        recurrence, recurringCycles: recurrence === "RECURRING" ? cyclesCount : null,
        productIds, addonIds, cycles: cycles as TBillingCycle[],
        startsAt: dayOf(startsAt), endsAt: dayOf(validUntil, 1),
        maxUses: uses, oncePerClient, newClientsOnly, isActive,
    });
  };

  return (
    <form aria-label={promo ? "Edit promo code" : "Add promo code"} className="space-y-5" onSubmit={onSubmit} noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Code" name="code" value={code} onChange={(event) => setCode(event.target.value)} error={errorOf("code")} hint="Customers type it at checkout, in any case." required autoComplete="off" />
        <TextField label="Description" name="description" value={description} onChange={(event) => setDescription(event.target.value)} error={errorOf("description")} />
        <SelectField label="Discount Type" name="kind" value={kind} onChange={(event) => setKind(event.target.value as "PERCENT" | "FIXED")} options={[{ value: "PERCENT", label: "Percentage" }, { value: "FIXED", label: "Fixed Amount" }]} />
        {kind === "PERCENT" ? (
          <TextField label="Percentage" name="percent" inputMode="decimal" value={percent} onChange={(event) => setPercent(event.target.value)} error={errorOf("percentBasisPoints")} hint="Off each eligible line, e.g. 10 or 12.5." required />
        ) : (
          <fieldset className="space-y-2" aria-describedby={errorOf("amounts") ? "promo-amounts-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">Amount off each eligible line</legend>
            {currencies.map((currency) => (
              <TextField key={currency} label={currency} name={`amount-${currency}`} inputMode="decimal" value={amounts[currency] ?? ""} onChange={(event) => setAmounts((current) => ({ ...current, [currency]: event.target.value }))} hint="Empty: not usable in this currency." />
            ))}
            {errorOf("amounts") && <p id="promo-amounts-error" className="text-sm text-red-600">{errorOf("amounts")}</p>}
          </fieldset>
        )}
        <SelectField label="Applies" name="recurrence" value={recurrence} onChange={(event) => setRecurrence(event.target.value as typeof recurrence)} options={RECURRENCE_OPTIONS} />
        {recurrence === "RECURRING" && (
          <TextField label="Discounted Invoices" name="recurringCycles" inputMode="numeric" value={recurringCycles} onChange={(event) => setRecurringCycles(event.target.value)} error={errorOf("recurringCycles")} hint="The first invoice included." required />
        )}
        <TextField label="Start Date" name="startsAt" type="date" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} error={errorOf("startsAt")} hint="Empty: valid at once." />
        <TextField label="Valid Until" name="validUntil" type="date" value={validUntil} onChange={(event) => setValidUntil(event.target.value)} error={errorOf("endsAt")} hint="The last day it can be used (UTC). Empty: no end." />
        <TextField label="Maximum Uses" name="maxUses" inputMode="numeric" value={maxUses} onChange={(event) => setMaxUses(event.target.value)} error={errorOf("maxUses")} hint="Empty: unlimited." />
      </div>
      <CheckboxGroup legend="Products" options={products} selected={productIds} onChange={setProductIds} error={errorOf("productIds")} disabled={save.isPending} />
      <p className="-mt-3 text-xs text-slate-500">None chosen: every product. Setup fees and configurable options are never discounted.</p>
      {addons.length > 0 && <CheckboxGroup legend="Add-ons" options={addons} selected={addonIds} onChange={setAddonIds} error={errorOf("addonIds")} disabled={save.isPending} />}
      <CheckboxGroup legend="Billing Cycles" options={CYCLE_OPTIONS} selected={cycles} onChange={setCycles} error={errorOf("cycles")} disabled={save.isPending} />
      <p className="-mt-3 text-xs text-slate-500">None chosen: every cycle.</p>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Limits</legend>
        {[
          { label: "Once per client", checked: oncePerClient, set: setOncePerClient },
          { label: "New clients only", checked: newClientsOnly, set: setNewClientsOnly },
          { label: "Active", checked: isActive, set: setIsActive },
        ].map((option) => (
          <label key={option.label} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="size-4 rounded border-slate-300" checked={option.checked} onChange={(event) => option.set(event.target.checked)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      <Button type="submit" isPending={save.isPending}>
        Save Promo Code
      </Button>
    </form>
  );
};
