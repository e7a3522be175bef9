"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";
import { gridToState, stateToGrid, type TGridCurrency, type TPriceCell } from "./price-grid";
import { PriceGridFields } from "./price-grid-fields";
import { useFormFeedback } from "./use-form-feedback";

export type TAddonFormValues = { id?: string; name: string; slug: string; description: string; isHidden: boolean; productIds: string[]; prices: TPriceCell[] };

type AddonFormProps = { addon: TAddonFormValues; products: readonly { id: string; name: string; group: { name: string } }[]; currencies: readonly TGridCurrency[] };

/** Admin → Products → Add-ons: an add-on, the products it is offered with, and its price grid. */
export const AddonForm = ({ addon, products, currencies }: AddonFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const feedback = useFormFeedback();
  const [values, setValues] = useState(addon);
  const [grid, setGrid] = useState(() => gridToState(addon.prices));
  const [gridErrors, setGridErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof TAddonFormValues>(key: K, value: TAddonFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const onSuccess = (saved: { id: string }) => {
    feedback.succeed(addon.id ? "Saved. The storefront shows the change on its next request." : "Add-on added.");
    if (addon.id) router.refresh();
    else router.push(`/admin/products/addons/${saved.id}`);
  };
  const create = useMutation(trpc.catalogAdmin.createAddon.mutationOptions({ onSuccess, onError: feedback.onServerError }));
  const update = useMutation(trpc.catalogAdmin.updateAddon.mutationOptions({ onSuccess, onError: feedback.onServerError }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    feedback.reset();
    const { cells, errors } = stateToGrid(grid, currencies);
    setGridErrors(errors);
    if (Object.keys(errors).length > 0) {
      feedback.fail("Please correct the highlighted fields.");
      return;
    }
    const { id, ...fields } = values;
    if (id) update.mutate({ ...fields, addonId: id, prices: cells });
    else create.mutate({ ...fields, prices: cells });
  };

  const errors = feedback.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={addon.id ? `Edit ${addon.name}` : "Add Add-on"} className="space-y-5">
      {feedback.message && <Alert tone={feedback.message.tone}>{feedback.message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Add-on Name" value={values.name} onChange={(event) => set("name", event.target.value)} error={errors.name} required />
        <TextField label="URL Name" value={values.slug} onChange={(event) => set("slug", event.target.value)} error={errors.slug} required />
      </div>
      <TextAreaField label="Description" value={values.description} onChange={(event) => set("description", event.target.value)} error={errors.description} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="size-4" checked={values.isHidden} onChange={(event) => set("isHidden", event.target.checked)} />
        Hidden (not offered on the storefront)
      </label>
      <CheckboxGroup
        legend="Offered With"
        options={products.map((product) => ({ value: product.id, label: `${product.name} (${product.group.name})` }))}
        selected={values.productIds}
        onChange={(productIds) => set("productIds", productIds)}
        error={errors.productIds}
      />
      <PriceGridFields legend="Pricing" currencies={currencies} value={grid} onChange={setGrid} errors={gridErrors} error={errors.prices} />
      <Button type="submit" isPending={create.isPending || update.isPending}>
        {addon.id ? "Save Changes" : "Add Add-on"}
      </Button>
    </form>
  );
};
