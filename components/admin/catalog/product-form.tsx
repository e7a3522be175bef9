"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { statusLabel } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc/client";
import { PRODUCT_TYPES } from "@/lib/catalog-constants";
import { gridToState, stateToGrid, type TGridCurrency, type TPriceCell } from "./price-grid";
import { PriceGridFields } from "./price-grid-fields";
import { useFormFeedback } from "./use-form-feedback";

export type TProductFormValues = {
  id?: string;
  groupId: string;
  name: string;
  slug: string;
  type: (typeof PRODUCT_TYPES)[number];
  description: string;
  isHidden: boolean;
  stockCount: number | null;
  welcomeEmailText: string;
  prices: TPriceCell[];
};

type ProductFormProps = { product: TProductFormValues; groups: readonly { id: string; name: string }[]; currencies: readonly TGridCurrency[] };

const STOCK = /^\d{1,7}$/;

/**
 * Admin → Products → "Add Product" / product page: details, stock, welcome e-mail text and the price grid, saved
 * together. The storefront shows the change on its next request.
 */
export const ProductForm = ({ product, groups, currencies }: ProductFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const feedback = useFormFeedback();
  const [values, setValues] = useState({ ...product, stock: product.stockCount === null ? "" : String(product.stockCount) });
  const [grid, setGrid] = useState(() => gridToState(product.prices));
  const [gridErrors, setGridErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));

  const onSuccess = (saved: { id: string }) => {
    feedback.succeed(product.id ? "Saved. The storefront shows the change on its next request." : "Product added.");
    if (product.id) router.refresh();
    else router.push(`/admin/products/${saved.id}`);
  };
  const create = useMutation(trpc.catalogAdmin.createProduct.mutationOptions({ onSuccess, onError: feedback.onServerError }));
  const update = useMutation(trpc.catalogAdmin.updateProduct.mutationOptions({ onSuccess, onError: feedback.onServerError }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    feedback.reset();
    const { cells, errors } = stateToGrid(grid, currencies);
    setGridErrors(errors);
    const stock = values.stock.trim();
    if (stock !== "" && !STOCK.test(stock)) {
      feedback.fail("Please correct the highlighted fields.", { stockCount: "Enter a whole number, or leave empty for unlimited." });
      return;
    }
    if (Object.keys(errors).length > 0) {
      feedback.fail("Please correct the highlighted fields.");
      return;
    }
    const { stock: _stock, id, ...fields } = values;
    const input = { ...fields, stockCount: stock === "" ? null : Number(stock), prices: cells };
    if (id) update.mutate({ ...input, productId: id });
    else create.mutate(input);
  };

  const errors = feedback.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={product.id ? `Edit ${product.name}` : "Add Product"} className="space-y-5">
      {feedback.message && <Alert tone={feedback.message.tone}>{feedback.message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Product Group" value={values.groupId} onChange={(event) => set("groupId", event.target.value)} error={errors.groupId} options={[{ value: "", label: "Choose…" }, ...groups.map((group) => ({ value: group.id, label: group.name }))]} />
        <SelectField label="Product Type" value={values.type} onChange={(event) => set("type", event.target.value as TProductFormValues["type"])} error={errors.type} options={PRODUCT_TYPES.map((type) => ({ value: type, label: statusLabel(type) }))} />
        <TextField label="Product Name" value={values.name} onChange={(event) => set("name", event.target.value)} error={errors.name} required />
        <TextField label="URL Name" hint="The product page is /products/<URL name>." value={values.slug} onChange={(event) => set("slug", event.target.value)} error={errors.slug} required />
        <TextField label="Stock" hint="Units left to sell; empty for unlimited." inputMode="numeric" value={values.stock} onChange={(event) => set("stock", event.target.value)} error={errors.stockCount} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4" checked={values.isHidden} onChange={(event) => set("isHidden", event.target.checked)} />
          Hidden (not listed; reachable by its direct link only)
        </label>
      </div>
      <TextAreaField label="Product Description" value={values.description} onChange={(event) => set("description", event.target.value)} error={errors.description} />
      <TextAreaField label="Welcome E-mail" hint="Added to the welcome e-mail when a package of this product is activated." value={values.welcomeEmailText} onChange={(event) => set("welcomeEmailText", event.target.value)} error={errors.welcomeEmailText} />
      <PriceGridFields legend="Pricing" currencies={currencies} value={grid} onChange={setGrid} errors={gridErrors} error={errors.prices} />
      <Button type="submit" isPending={create.isPending || update.isPending}>
        {product.id ? "Save Changes" : "Add Product"}
      </Button>
    </form>
  );
};
