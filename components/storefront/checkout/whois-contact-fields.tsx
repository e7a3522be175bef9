"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { useCountryOptions } from "@/components/i18n/use-country-options";
import { fieldId, type TFieldErrors, type TWhoisValues } from "./checkout-types";


type WhoisContactFieldsProps = {
  isSameAsPrimary: boolean;
  onSameAsPrimaryChange: (isSame: boolean) => void;
  values: TWhoisValues;
  errors: TFieldErrors;
  onChange: (name: keyof TWhoisValues, value: string) => void;
};

/** "WHOIS contact" (seed 002): the domain's registrant, the primary contact's data unless chosen otherwise. */
export const WhoisContactFields = ({ isSameAsPrimary, onSameAsPrimaryChange, values, errors, onChange }: WhoisContactFieldsProps) => {
  const t = useTranslations("Checkout");
  const countryOptions = useCountryOptions();
  const field = (name: keyof TWhoisValues) => ({
    id: fieldId(name),
    name,
    value: values[name],
    error: errors[name]?.[0],
    onChange: (event: { target: { value: string } }) => onChange(name, event.target.value),
  });
  return (
    <fieldset className="space-y-4">
      <legend className="sr-only">{t("whoisContact")}</legend>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="whoisSameAsPrimary" checked={isSameAsPrimary} onChange={() => onSameAsPrimaryChange(true)} className="size-4 accent-brand-600" />
          {t("whoisSameData")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="whoisSameAsPrimary" checked={!isSameAsPrimary} onChange={() => onSameAsPrimaryChange(false)} className="size-4 accent-brand-600" />
          {t("whoisDifferentData")}
        </label>
      </div>
      {!isSameAsPrimary && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("whoisField", { field: t("fields.company") })} hint={t("fields.optional")} autoComplete="off" className="sm:col-span-2" {...field("whoisCompany")} />
          <TextField label={t("whoisField", { field: t("fields.firstName") })} autoComplete="off" required {...field("whoisFirstName")} />
          <TextField label={t("whoisField", { field: t("fields.lastName") })} autoComplete="off" required {...field("whoisLastName")} />
          <TextField label={t("whoisField", { field: t("fields.email") })} type="email" autoComplete="off" required className="sm:col-span-2" {...field("whoisEmail")} />
          <TextField label={t("whoisField", { field: t("fields.address1") })} autoComplete="off" required className="sm:col-span-2" {...field("whoisAddress1")} />
          <TextField label={t("whoisField", { field: t("fields.city") })} autoComplete="off" required {...field("whoisCity")} />
          <TextField label={t("whoisField", { field: t("fields.state") })} autoComplete="off" required {...field("whoisState")} />
          <TextField label={t("whoisField", { field: t("fields.zip") })} autoComplete="off" required {...field("whoisZip")} />
          <SelectField label={t("whoisField", { field: t("fields.country") })} required options={countryOptions} {...field("whoisCountry")} />
          <TextField label={t("whoisField", { field: t("fields.whoisPhone") })} type="tel" autoComplete="off" required className="sm:col-span-2" {...field("whoisPhone")} />
        </div>
      )}
    </fieldset>
  );
};
