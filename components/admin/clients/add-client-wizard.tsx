"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { TextLink } from "@/components/admin/text-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { MAX_BILLING_DAY } from "@/lib/contact-options";
import { COUNTRIES } from "@/lib/countries";
import { useTRPC } from "@/lib/trpc/client";
import { ContactFields, EMPTY_CONTACT, type TContactFormValues } from "@/components/contacts/contact-fields";

type TClientValues = {
  companyName: string; brand: string; clientGroupId: string; status: "ACTIVE" | "INACTIVE" | "CLOSED" | "FRAUD";
  billingDay: string; billingCountry: string; isTaxable: boolean; taxId: string;
};
const EMPTY_CLIENT: TClientValues = { companyName: "", brand: "", clientGroupId: "", status: "ACTIVE", billingDay: "", billingCountry: "", isTaxable: true, taxId: "" };
const CLIENT_FIELDS = new Set(Object.keys(EMPTY_CLIENT));

const STATUS_OPTIONS = [
  { value: "ACTIVE", label: "Active" },
  { value: "INACTIVE", label: "Inactive" },
  { value: "CLOSED", label: "Closed" },
  { value: "FRAUD", label: "Fraud" },
];
const BILLING_DAY_OPTIONS = [
  { value: "", label: "Obey system-wide settings" },
  ...Array.from({ length: MAX_BILLING_DAY }, (_, index) => ({ value: String(index + 1), label: String(index + 1) })),
];
const COUNTRY_OPTIONS = [{ value: "", label: "Choose a country" }, ...COUNTRIES.map((country) => ({ value: country.code, label: country.name }))];

type TStep = { name: "client" } | { name: "contact" } | { name: "billing"; clientId: string; clientNumber: number };

/**
 * Clients → Add New Client, the three screens of 002: Add Client Account → "Save and Add Primary Contact" → Add
 * Primary Contact → "Save and Add Billing Account" → Add Billing Account. Nothing is written until the second
 * screen is saved: the server then creates client and primary contact together.
 */
type TBrandChoice = { id: string; name: string; isDefault: boolean };

export const AddClientWizard = ({ groups, brands }: { groups: { id: string; name: string }[]; brands: TBrandChoice[] }) => {
  const trpc = useTRPC();
  const [step, setStep] = useState<TStep>({ name: "client" });
  // "Default Theme" starts on the default brand; "" (the default brand) only when no brand exists yet.
  const [client, setClient] = useState<TClientValues>({ ...EMPTY_CLIENT, brand: brands.find((brand) => brand.isDefault)?.id ?? "" });
  const [contact, setContact] = useState<TContactFormValues>(EMPTY_CONTACT);
  const check = useMutation(trpc.adminClients.checkClientStep.mutationOptions({
    onSuccess: () => {
      setContact((current) => ({ ...current, company: current.company || client.companyName, country: current.country || client.billingCountry }));
      setStep({ name: "contact" });
    },
  }));
  const add = useMutation(trpc.adminClients.add.mutationOptions({
    onSuccess: ({ clientId, clientNumber }) => setStep({ name: "billing", clientId, clientNumber }),
    onError: (error) => {
      // A first-screen field refused only now (a group deleted meanwhile): show it where it can be fixed.
      if (Object.keys(error.data?.fieldErrors ?? {}).some((field) => CLIENT_FIELDS.has(field))) setStep({ name: "client" });
    },
  }));
  const errors = { ...(check.error?.data?.fieldErrors ?? {}), ...(add.error?.data?.fieldErrors ?? {}) };
  const setClientField = (field: keyof TClientValues) => (event: { target: { value: string } }) => setClient({ ...client, [field]: event.target.value });

  if (step.name === "billing") {
    return (
      <Card title="Add Billing Account">
        <div className="space-y-3 text-sm">
          <Alert tone="success">
            Client <TextLink href={`/admin/clients/${step.clientId}`}>#{step.clientNumber}</TextLink> and its primary contact have been added.
          </Alert>
          <p>
            Billing accounts (credit card, bank account, manual payment) are added with the billing work; add one later. Click the client ID to
            view the new client&apos;s details page.
          </p>
        </div>
      </Card>
    );
  }

  if (step.name === "client") {
    const onSubmit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      add.reset();
      check.mutate(client);
    };
    return (
      <Card title="Add Client Account">
        <form aria-label="Add Client Account" className="space-y-4" onSubmit={onSubmit} noValidate>
          {(check.error ?? add.error) && <Alert tone="error">{(check.error ?? add.error)?.message}</Alert>}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Company Name" name="companyName" value={client.companyName} onChange={setClientField("companyName")} error={errors.companyName?.[0]} hint="Leave blank for a private person." />
            <SelectField label="Default Theme" name="brand" value={client.brand} onChange={setClientField("brand")} error={errors.brand?.[0]} options={brands.length > 0 ? brands.map((brand) => ({ value: brand.id, label: brand.name })) : [{ value: "", label: "Default" }]} />
            <SelectField
              label="Client Group"
              name="clientGroupId"
              value={client.clientGroupId}
              onChange={setClientField("clientGroupId")}
              error={errors.clientGroupId?.[0]}
              options={[{ value: "", label: "None" }, ...groups.map((group) => ({ value: group.id, label: group.name }))]}
            />
            <SelectField label="Current Status" name="status" value={client.status} onChange={setClientField("status")} error={errors.status?.[0]} options={STATUS_OPTIONS} />
            <SelectField label="Monthly Billing Day" name="billingDay" value={client.billingDay} onChange={setClientField("billingDay")} error={errors.billingDay?.[0]} options={BILLING_DAY_OPTIONS} />
            <SelectField label="Billing Country" name="billingCountry" value={client.billingCountry} onChange={setClientField("billingCountry")} error={errors.billingCountry?.[0]} options={COUNTRY_OPTIONS} required />
            <SelectField
              label="Is Taxable"
              name="isTaxable"
              value={client.isTaxable ? "yes" : "no"}
              onChange={(event) => setClient({ ...client, isTaxable: event.target.value === "yes" })}
              options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]}
            />
            <TextField label="Tax ID Number" name="taxId" value={client.taxId} onChange={setClientField("taxId")} error={errors.taxId?.[0]} />
          </div>
          <p className="text-sm text-slate-600">Only active accounts are billed.</p>
          <Button type="submit" isPending={check.isPending}>
            Save and Add Primary Contact
          </Button>
        </form>
      </Card>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    check.reset();
    add.mutate({ ...client, ...contact });
  };
  return (
    <Card title="Add Primary Contact">
      <form aria-label="Add Primary Contact" className="space-y-4" onSubmit={onSubmit} noValidate>
        {add.error && <Alert tone="error">{add.error.message}</Alert>}
        <ContactFields values={contact} onChange={setContact} errors={errors} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" isPending={add.isPending}>
            Save and Add Billing Account
          </Button>
          <Button type="button" variant="secondary" onClick={() => { setContact(EMPTY_CONTACT); add.reset(); }}>
            Reset
          </Button>
          <Button type="button" variant="ghost" onClick={() => setStep({ name: "client" })}>
            Back
          </Button>
        </div>
      </form>
    </Card>
  );
};
