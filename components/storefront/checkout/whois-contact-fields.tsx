"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { COUNTRIES } from "@/lib/countries";
import { fieldId, type TFieldErrors, type TWhoisValues } from "./checkout-types";

const COUNTRY_OPTIONS = COUNTRIES.map((country) => ({ value: country.code, label: country.name }));

type WhoisContactFieldsProps = {
  isSameAsPrimary: boolean;
  onSameAsPrimaryChange: (isSame: boolean) => void;
  values: TWhoisValues;
  errors: TFieldErrors;
  onChange: (name: keyof TWhoisValues, value: string) => void;
};

/** "WHOIS contact" (seed 002): the domain's registrant, the primary contact's data unless chosen otherwise. */
export const WhoisContactFields = ({ isSameAsPrimary, onSameAsPrimaryChange, values, errors, onChange }: WhoisContactFieldsProps) => {
  const field = (name: keyof TWhoisValues) => ({
    id: fieldId(name),
    name,
    value: values[name],
    error: errors[name]?.[0],
    onChange: (event: { target: { value: string } }) => onChange(name, event.target.value),
  });
  return (
    <fieldset className="space-y-4">
      <legend className="sr-only">WHOIS contact</legend>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="whoisSameAsPrimary" checked={isSameAsPrimary} onChange={() => onSameAsPrimaryChange(true)} className="size-4 accent-brand-600" />
          Use the same data
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="whoisSameAsPrimary" checked={!isSameAsPrimary} onChange={() => onSameAsPrimaryChange(false)} className="size-4 accent-brand-600" />
          Use different data
        </label>
      </div>
      {!isSameAsPrimary && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="WHOIS Company" hint="Optional" autoComplete="off" className="sm:col-span-2" {...field("whoisCompany")} />
          <TextField label="WHOIS First Name" autoComplete="off" required {...field("whoisFirstName")} />
          <TextField label="WHOIS Last Name" autoComplete="off" required {...field("whoisLastName")} />
          <TextField label="WHOIS E-mail" type="email" autoComplete="off" required className="sm:col-span-2" {...field("whoisEmail")} />
          <TextField label="WHOIS Street Address" autoComplete="off" required className="sm:col-span-2" {...field("whoisAddress1")} />
          <TextField label="WHOIS City" autoComplete="off" required {...field("whoisCity")} />
          <TextField label="WHOIS State" autoComplete="off" required {...field("whoisState")} />
          <TextField label="WHOIS Zip" autoComplete="off" required {...field("whoisZip")} />
          <SelectField label="WHOIS Country" required options={COUNTRY_OPTIONS} {...field("whoisCountry")} />
          <TextField label="WHOIS Phone" type="tel" autoComplete="off" required className="sm:col-span-2" {...field("whoisPhone")} />
        </div>
      )}
    </fieldset>
  );
};
