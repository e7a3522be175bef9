"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { productTypeLabel } from "@/components/client/product-type-label";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField, TextField } from "@/components/ui/field";
import { COUNTRIES } from "@/lib/countries";
import { useTRPC } from "@/lib/trpc/client";

export type TTaxRuleFormValues = {
  name: string;
  rate: string;
  country: string;
  state: string;
  level: 1 | 2;
  compound: boolean;
  productTypes: string[];
  effectiveFrom: string;
  effectiveTo: string;
};

const PRODUCT_TYPES = ["SHARED_HOSTING", "RESELLER_HOSTING", "SERVER", "DOMAIN", "SSL_CERTIFICATE", "LICENCE", "OTHER"] as const;
const COUNTRY_OPTIONS = [{ value: "", label: "Everywhere (any country)" }, ...COUNTRIES.map((country) => ({ value: country.code, label: `${country.name} (${country.code})` }))];
const LEVEL_OPTIONS = [
  { value: "1", label: "Level 1 (primary tax)" },
  { value: "2", label: "Level 2 (charged in addition)" },
];

export const EMPTY_TAX_RULE: TTaxRuleFormValues = {
  name: "", rate: "", country: "", state: "", level: 1, compound: false, productTypes: [], effectiveFrom: new Date().toISOString().slice(0, 10), effectiveTo: "",
};

/** Admin → Taxes → Add or Edit a tax rule. The server validates again and answers field errors. */
export const TaxRuleForm = ({ ruleId, initial }: { ruleId?: string; initial: TTaxRuleFormValues }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const onError = (mutationError: { message: string; data?: { fieldErrors?: unknown } | null }) =>
    setError(mutationError.data?.fieldErrors ? "Please correct the highlighted fields." : mutationError.message);
  const save = useMutation(trpc.taxAdmin.saveRule.mutationOptions({ onSuccess: () => router.push("/admin/taxes?saved=1"), onError }));
  const remove = useMutation(trpc.taxAdmin.deleteRule.mutationOptions({ onSuccess: () => router.push("/admin/taxes?deleted=1"), onError }));
  const fieldErrors: Partial<Record<string, string[]>> = save.error?.data?.fieldErrors ?? {};
  const isBusy = save.isPending || remove.isPending;
  const set = <K extends keyof TTaxRuleFormValues>(key: K, value: TTaxRuleFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    save.mutate({ ruleId, fields: values });
  };

  return (
    <form aria-label={ruleId ? "Edit tax rule" : "New tax rule"} className="space-y-5" onSubmit={onSubmit} noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" required hint="Printed on invoices, e.g. VAT or Sales Tax" value={values.name} onChange={(event) => set("name", event.target.value)} error={fieldErrors.name?.[0]} />
        <TextField label="Rate (%)" name="rate" required inputMode="decimal" hint="Exact, up to four decimals, e.g. 25.5 or 9.975" value={values.rate} onChange={(event) => set("rate", event.target.value)} error={fieldErrors.rate?.[0]} />
        <SelectField label="Country" name="country" options={COUNTRY_OPTIONS} value={values.country} onChange={(event) => set("country", event.target.value)} error={fieldErrors.country?.[0]} />
        <TextField label="State" name="state" hint="Optional: only this state or province, e.g. TX" value={values.state} onChange={(event) => set("state", event.target.value)} error={fieldErrors.state?.[0]} />
        <SelectField label="Level" name="level" options={LEVEL_OPTIONS} value={String(values.level)} onChange={(event) => set("level", event.target.value === "2" ? 2 : 1)} error={fieldErrors.level?.[0]} />
        <div className="space-y-1">
          <label className="flex items-center gap-2 pt-7 text-sm text-slate-700">
            <input type="checkbox" className="size-4 rounded border-slate-300" checked={values.compound} onChange={(event) => set("compound", event.target.checked)} aria-describedby={fieldErrors.compound ? "compound-error" : undefined} />
            Compound (charged on the amount plus the level 1 tax)
          </label>
          {fieldErrors.compound && <p id="compound-error" className="text-sm text-red-600">{fieldErrors.compound[0]}</p>}
        </div>
        <TextField label="Effective From" name="effectiveFrom" type="date" required value={values.effectiveFrom} onChange={(event) => set("effectiveFrom", event.target.value)} error={fieldErrors.effectiveFrom?.[0]} />
        <TextField label="Effective To" name="effectiveTo" type="date" hint="Optional: the first day it no longer applies" value={values.effectiveTo} onChange={(event) => set("effectiveTo", event.target.value)} error={fieldErrors.effectiveTo?.[0]} />
      </div>
      <CheckboxGroup
        legend="Applies To (none checked: every product type)"
        options={PRODUCT_TYPES.map((type) => ({ value: type, label: productTypeLabel(type) }))}
        selected={values.productTypes}
        onChange={(selected) => set("productTypes", selected)}
        error={fieldErrors.productTypes?.[0]}
        disabled={isBusy}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" isPending={save.isPending} disabled={isBusy}>
          {ruleId ? "Save Tax Rule" : "Add Tax Rule"}
        </Button>
        {ruleId && (
          <Button
            variant="danger"
            isPending={remove.isPending}
            disabled={isBusy}
            onClick={() => {
              setError(null);
              if (window.confirm(`Delete the tax rule ${values.name}?`)) remove.mutate({ ruleId });
            }}
          >
            Delete Tax Rule
          </Button>
        )}
      </div>
    </form>
  );
};
