"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { COUNTRIES } from "@/lib/countries";
import { fieldId, type TContactValues, type TFieldErrors } from "./checkout-types";

const COUNTRY_OPTIONS = COUNTRIES.map((country) => ({ value: country.code, label: country.name }));

type ContactFieldsProps = {
  values: TContactValues;
  errors: TFieldErrors;
  onChange: (name: keyof TContactValues, value: string) => void;
};

/** "Primary Contact Information", with the field labels of the order process (seed 002). */
export const ContactFields = ({ values, errors, onChange }: ContactFieldsProps) => {
  const field = (name: keyof TContactValues) => ({
    id: fieldId(name),
    name,
    value: values[name],
    error: errors[name]?.[0],
    onChange: (event: { target: { value: string } }) => onChange(name, event.target.value),
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Company" hint="Optional" autoComplete="organization" className="sm:col-span-2" {...field("company")} />
      <TextField label="First Name" autoComplete="given-name" required {...field("firstName")} />
      <TextField label="Last Name" autoComplete="family-name" required {...field("lastName")} />
      <TextField
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        hint="Automatic e-mails go here; it is also your sign-in name."
        className="sm:col-span-2"
        {...field("email")}
      />
      <TextField label="Street Address" autoComplete="address-line1" required className="sm:col-span-2" {...field("address1")} />
      <TextField label="Address 2" hint="Optional" autoComplete="address-line2" className="sm:col-span-2" {...field("address2")} />
      <TextField label="City" autoComplete="address-level2" required {...field("city")} />
      <TextField label="State" hint="For the US, the two-letter code, e.g. TX" autoComplete="address-level1" required {...field("state")} />
      <TextField label="Zip" autoComplete="postal-code" required {...field("zip")} />
      <SelectField label="Country" autoComplete="country" required options={COUNTRY_OPTIONS} {...field("country")} />
      <TextField label="Primary Phone" type="tel" autoComplete="tel" required className="sm:col-span-2" {...field("phone")} />
      <TextField
        label="VAT Number"
        hint="Optional. EU businesses: with the country prefix, e.g. DE123456789; checked with VIES."
        autoComplete="off"
        className="sm:col-span-2"
        {...field("vatNumber")}
      />
      <TextField label="Promo Code" hint="Optional. The discount shows on Order Details." autoComplete="off" className="sm:col-span-2" {...field("promoCode")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters, not a common password. You sign in to the client area with it."
        {...field("password")}
      />
      <TextField label="Confirm Password" type="password" autoComplete="new-password" required {...field("confirmPassword")} />
    </div>
  );
};
