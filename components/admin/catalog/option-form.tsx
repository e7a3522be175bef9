"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";
import { gridToState, stateToGrid, type TGridCurrency, type TPriceCell, type TPriceGridState } from "./price-grid";
import { PriceGridFields } from "./price-grid-fields";
import { useFormFeedback } from "./use-form-feedback";

type TKind = "DROPDOWN" | "QUANTITY" | "YES_NO";

export type TOptionFormValues = {
  id?: string;
  name: string;
  slug: string;
  kind: TKind;
  minQuantity: number | null;
  maxQuantity: number | null;
  stepQuantity: number | null;
  values: { label: string; slug: string; prices: TPriceCell[] }[];
};

const KINDS = [
  { value: "DROPDOWN", label: "Dropdown" },
  { value: "QUANTITY", label: "Quantity" },
  { value: "YES_NO", label: "Yes/No" },
];

const WHOLE = /^\d{1,6}$/;
const numberOrNull = (text: string) => (WHOLE.test(text.trim()) ? Number(text.trim()) : null);

type TValueState = { key: number; label: string; slug: string; grid: TPriceGridState };

/**
 * One configurable option of a product with its values and their price grids. Dropdown values are the choices;
 * a quantity has one value priced per unit; yes/no has one value charged for "yes".
 */
export const OptionForm = ({ productId, option, currencies }: { productId: string; option: TOptionFormValues; currencies: readonly TGridCurrency[] }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const feedback = useFormFeedback();
  const [fields, setFields] = useState({
    name: option.name,
    slug: option.slug,
    kind: option.kind,
    min: option.minQuantity?.toString() ?? "0",
    max: option.maxQuantity?.toString() ?? "10",
    step: option.stepQuantity?.toString() ?? "1",
  });
  const [values, setValues] = useState<TValueState[]>(() =>
    (option.values.length ? option.values : [{ label: "", slug: "", prices: [] }]).map((value, key) => ({ key, label: value.label, slug: value.slug, grid: gridToState(value.prices) })),
  );
  const [gridErrors, setGridErrors] = useState<Record<number, Record<string, string>>>({});
  const set = (key: keyof typeof fields, value: string) => setFields((current) => ({ ...current, [key]: value }));
  const setValue = (key: number, patch: Partial<TValueState>) => setValues((current) => current.map((value) => (value.key === key ? { ...value, ...patch } : value)));

  const onSuccess = () => {
    feedback.succeed(option.id ? "Option saved." : "Option added.");
    router.refresh();
  };
  const save = useMutation(trpc.catalogAdmin.saveOption.mutationOptions({ onSuccess, onError: feedback.onServerError }));
  const remove = useMutation(trpc.catalogAdmin.deleteOption.mutationOptions({ onSuccess: () => router.refresh(), onError: feedback.onServerError }));

  const shownValues = fields.kind === "DROPDOWN" ? values : values.slice(0, 1);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    feedback.reset();
    const parsed = shownValues.map((value) => ({ value, ...stateToGrid(value.grid, currencies) }));
    setGridErrors(Object.fromEntries(parsed.map(({ value, errors }) => [value.key, errors])));
    if (parsed.some(({ errors }) => Object.keys(errors).length > 0)) {
      feedback.fail("Please correct the highlighted fields.");
      return;
    }
    const isQuantity = fields.kind === "QUANTITY";
    save.mutate({
      ...(option.id ? { optionId: option.id } : {}),
      productId,
      name: fields.name,
      slug: fields.slug,
      kind: fields.kind,
      minQuantity: isQuantity ? numberOrNull(fields.min) : null,
      maxQuantity: isQuantity ? numberOrNull(fields.max) : null,
      stepQuantity: isQuantity ? numberOrNull(fields.step) : null,
      values: parsed.map(({ value, cells }) => ({ label: fields.kind === "YES_NO" ? value.label || "Yes" : value.label, slug: fields.kind === "YES_NO" ? value.slug || "yes" : value.slug, prices: cells })),
    });
  };

  const errors = feedback.fieldErrors;
  const title = option.id ? `Option ${option.name}` : "New option";
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className="space-y-4 rounded-md p-4 ring-1 ring-slate-200">
      {feedback.message && <Alert tone={feedback.message.tone}>{feedback.message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Option Name" value={fields.name} onChange={(event) => set("name", event.target.value)} error={errors.name} />
        <TextField label="Option URL Name" value={fields.slug} onChange={(event) => set("slug", event.target.value)} error={errors.slug} />
        <SelectField label="Option Type" value={fields.kind} onChange={(event) => set("kind", event.target.value)} error={errors.kind} options={KINDS} />
      </div>
      {fields.kind === "QUANTITY" && (
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Minimum" inputMode="numeric" value={fields.min} onChange={(event) => set("min", event.target.value)} error={errors.minQuantity} />
          <TextField label="Maximum" inputMode="numeric" value={fields.max} onChange={(event) => set("max", event.target.value)} error={errors.maxQuantity} />
          <TextField label="Step" inputMode="numeric" value={fields.step} onChange={(event) => set("step", event.target.value)} error={errors.stepQuantity} />
        </div>
      )}
      {errors.values && <p className="text-sm text-red-600">{errors.values}</p>}
      {shownValues.map((value, index) => (
        <fieldset key={value.key} className="space-y-3 rounded-md bg-slate-50 p-3">
          <legend className="text-sm font-medium text-slate-700">
            {fields.kind === "DROPDOWN" ? `Value ${index + 1}` : fields.kind === "QUANTITY" ? "Price per unit" : "Price for “Yes”"}
          </legend>
          {fields.kind !== "YES_NO" && (
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField label={fields.kind === "QUANTITY" ? "Unit" : "Value Label"} value={value.label} onChange={(event) => setValue(value.key, { label: event.target.value })} />
              <TextField label={fields.kind === "QUANTITY" ? "Unit URL Name" : "Value URL Name"} value={value.slug} onChange={(event) => setValue(value.key, { slug: event.target.value })} />
            </div>
          )}
          <PriceGridFields legend={`Prices${value.label ? ` of ${value.label}` : ""}`} currencies={currencies} value={value.grid} onChange={(grid) => setValue(value.key, { grid })} errors={gridErrors[value.key] ?? {}} />
          {fields.kind === "DROPDOWN" && values.length > 1 && (
            <Button variant="ghost" onClick={() => setValues((current) => current.filter((candidate) => candidate.key !== value.key))}>
              Remove value<span className="sr-only"> {index + 1}</span>
            </Button>
          )}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        {fields.kind === "DROPDOWN" && (
          <Button variant="secondary" onClick={() => setValues((current) => [...current, { key: Math.max(...current.map((value) => value.key)) + 1, label: "", slug: "", grid: {} }])}>
            Add Value
          </Button>
        )}
        <Button type="submit" isPending={save.isPending}>
          {option.id ? "Save Option" : "Add Option"}
        </Button>
        {option.id && (
          <Button variant="danger" isPending={remove.isPending} onClick={() => window.confirm(`Delete the option ${option.name}? Orders already placed keep their lines.`) && remove.mutate({ optionId: option.id! })}>
            Delete Option<span className="sr-only"> {option.name}</span>
          </Button>
        )}
      </div>
    </form>
  );
};
