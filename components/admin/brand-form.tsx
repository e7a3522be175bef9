"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

type BrandFormProps = {
  brand?: { id: string; name: string; isDefault: boolean; logoUrl: string; primaryColor: string; senderName: string; senderEmail: string; invoiceHeader: string };
};

/** Add Brand / Edit Brand on Admin → Brands. */
export const BrandForm = ({ brand }: BrandFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [fields, setFields] = useState({
    name: brand?.name ?? "",
    logoUrl: brand?.logoUrl ?? "",
    primaryColor: brand?.primaryColor ?? "#1d4ed8",
    senderName: brand?.senderName ?? "",
    senderEmail: brand?.senderEmail ?? "",
    invoiceHeader: brand?.invoiceHeader ?? "",
  });
  const [isDefault, setIsDefault] = useState(brand?.isDefault ?? false);
  const save = useMutation(trpc.brands.save.mutationOptions({ onSuccess: () => router.push("/admin/brands?saved=1") }));
  const errors = save.error?.data?.fieldErrors ?? {};
  const field = (name: keyof typeof fields) => ({
    name,
    value: fields[name],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value })),
    error: errors[name]?.[0],
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ id: brand?.id ?? null, ...fields, isDefault });
  };

  return (
    <form aria-label={brand ? "Edit brand" : "Add brand"} className="space-y-5" onSubmit={onSubmit} noValidate>
      {save.error && <Alert tone="error">{save.error.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" required {...field("name")} />
        <TextField label="Logo URL" type="url" hint="An https address of the logo image; empty: the name is shown." {...field("logoUrl")} />
        <TextField label="Primary Colour" type="color" className="[&_input]:h-10 [&_input]:p-1" {...field("primaryColor")} />
        <TextField label="Sender Name" hint="The From name of this brand's client mails." {...field("senderName")} />
        <TextField label="Sender E-mail" type="email" hint="Empty: the installation's MAIL_FROM." {...field("senderEmail")} />
      </div>
      <div className="space-y-1">
        <label htmlFor="brand-invoice-header" className="block text-sm font-medium text-slate-700">
          Invoice Header
        </label>
        <textarea
          id="brand-invoice-header"
          name="invoiceHeader"
          rows={4}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
          value={fields.invoiceHeader}
          onChange={(event) => setFields((current) => ({ ...current, invoiceHeader: event.target.value }))}
          aria-invalid={errors.invoiceHeader ? true : undefined}
          aria-describedby={errors.invoiceHeader ? "brand-invoice-header-error" : undefined}
        />
        {errors.invoiceHeader && <p id="brand-invoice-header-error" className="text-sm text-red-600">{errors.invoiceHeader[0]}</p>}
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="size-4 rounded border-slate-300" checked={isDefault} onChange={(event) => setIsDefault(event.target.checked)} aria-describedby={errors.isDefault ? "brand-default-error" : undefined} />
        Default brand (the storefront&apos;s, and that of clients without one)
      </label>
      {errors.isDefault && <p id="brand-default-error" className="text-sm text-red-600">{errors.isDefault[0]}</p>}
      <Button type="submit" isPending={save.isPending}>
        Save Brand
      </Button>
    </form>
  );
};
