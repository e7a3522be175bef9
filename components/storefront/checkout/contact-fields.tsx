"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { useCountryOptions } from "@/components/i18n/use-country-options";
import { fieldId, type TContactValues, type TFieldErrors } from "./checkout-types";


type ContactFieldsProps = {
  values: TContactValues;
  errors: TFieldErrors;
  onChange: (name: keyof TContactValues, value: string) => void;
};

/** "Primary Contact Information", with the field labels of the order process (seed 002). */
export const ContactFields = ({ values, errors, onChange }: ContactFieldsProps) => {
  const t = useTranslations("Checkout.fields");
  const countryOptions = useCountryOptions();
  const field = (name: keyof TContactValues) => ({
    id: fieldId(name),
    name,
    value: values[name],
    error: errors[name]?.[0],
    onChange: (event: { target: { value: string } }) => onChange(name, event.target.value),
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label={t("company")} hint={t("optional")} autoComplete="organization" className="sm:col-span-2" {...field("company")} />
      <TextField label={t("firstName")} autoComplete="given-name" required {...field("firstName")} />
      <TextField label={t("lastName")} autoComplete="family-name" required {...field("lastName")} />
      <TextField
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        hint={t("emailHint")}
        className="sm:col-span-2"
        {...field("email")}
      />
      <TextField label={t("address1")} autoComplete="address-line1" required className="sm:col-span-2" {...field("address1")} />
      <TextField label={t("address2")} hint={t("optional")} autoComplete="address-line2" className="sm:col-span-2" {...field("address2")} />
      <TextField label={t("city")} autoComplete="address-level2" required {...field("city")} />
      <TextField label={t("state")} hint={t("stateHint")} autoComplete="address-level1" required {...field("state")} />
      <TextField label={t("zip")} autoComplete="postal-code" required {...field("zip")} />
      <SelectField label={t("country")} autoComplete="country" required options={countryOptions} {...field("country")} />
      <TextField label={t("phone")} type="tel" autoComplete="tel" required className="sm:col-span-2" {...field("phone")} />
      <TextField
        label={t("vatNumber")}
        hint={t("vatNumberHint")}
        autoComplete="off"
        className="sm:col-span-2"
        {...field("vatNumber")}
      />
      <TextField label={t("promoCode")} hint={t("promoCodeHint")} autoComplete="off" className="sm:col-span-2" {...field("promoCode")} />
      <TextField
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        {...field("password")}
      />
      <TextField label={t("confirmPassword")} type="password" autoComplete="new-password" required {...field("confirmPassword")} />
    </div>
  );
};
