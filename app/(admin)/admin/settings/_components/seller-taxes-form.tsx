"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { COUNTRIES } from "@/lib/countries";
import { useTRPC } from "@/lib/trpc/client";

type TSellerTaxes = { seller: { companyName: string; address: string; country: string; vatNumber: string }; pricesIncludeTax: boolean };

const COUNTRY_OPTIONS = [{ value: "", label: "Not set" }, ...COUNTRIES.map((country) => ({ value: country.code, label: country.name }))];
const PRICE_OPTIONS = [
  { value: "exclusive", label: "Exclusive of tax (tax is added at checkout)" },
  { value: "inclusive", label: "Inclusive of tax (tax is extracted; the total is the shown price)" },
];

/** The seller's company, address, country and VAT number, and whether catalog prices include tax. */
export const SellerTaxesForm = ({ initial }: { initial: TSellerTaxes }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [seller, setSeller] = useState(initial.seller);
  const [pricesIncludeTax, setPricesIncludeTax] = useState(initial.pricesIncludeTax);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const update = useMutation(
    trpc.taxAdmin.updateSettings.mutationOptions({
      onSuccess: () => {
        setMessage({ tone: "success", text: "Seller and tax settings saved." });
        router.refresh();
      },
      onError: (error) => setMessage({ tone: "error", text: error.data?.fieldErrors ? "Please correct the highlighted fields." : error.message }),
    }),
  );
  const fieldErrors: Partial<Record<string, string[]>> = update.error?.data?.fieldErrors ?? {};
  const set = (key: keyof TSellerTaxes["seller"], value: string) => setSeller((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    update.mutate({ fields: { seller, pricesIncludeTax } });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Seller and taxes" className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Company Name" name="companyName" value={seller.companyName} onChange={(event) => set("companyName", event.target.value)} error={fieldErrors["seller.companyName"]?.[0]} />
        <TextField label="VAT Number" name="vatNumber" hint="With the country prefix, e.g. NL123456789B01" value={seller.vatNumber} onChange={(event) => set("vatNumber", event.target.value)} error={fieldErrors["seller.vatNumber"]?.[0]} />
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="seller-address" className="block text-sm font-medium text-slate-700">Address</label>
          <textarea
            id="seller-address"
            name="address"
            rows={3}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500"
            value={seller.address}
            onChange={(event) => set("address", event.target.value)}
            aria-invalid={fieldErrors["seller.address"] ? true : undefined}
          />
          {fieldErrors["seller.address"] && <p className="text-sm text-red-600">{fieldErrors["seller.address"][0]}</p>}
        </div>
        <SelectField label="Country" name="country" options={COUNTRY_OPTIONS} value={seller.country} onChange={(event) => set("country", event.target.value)} error={fieldErrors["seller.country"]?.[0]} />
        <SelectField label="Catalog Prices" name="pricesIncludeTax" options={PRICE_OPTIONS} value={pricesIncludeTax ? "inclusive" : "exclusive"} onChange={(event) => setPricesIncludeTax(event.target.value === "inclusive")} />
      </div>
      <Button type="submit" isPending={update.isPending}>
        Save Seller and Taxes
      </Button>
    </form>
  );
};
