"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField, TextField } from "@/components/ui/field";
import { ALL_CONTACT_EMAIL_ACTIONS, CONTACT_LANGUAGES, type TContactEmailAction, type TContactLanguage } from "@/lib/contact-options";
import { useCountryOptions } from "@/components/i18n/use-country-options";
import { countiesFor } from "@/lib/us-counties";

// The contact fields of "Add Primary Contact" (admin) and "Add Contact" / "Edit Contact Info" (client area).

export type TContactFormValues = {
  company: string; firstName: string; lastName: string; email: string; address1: string; address2: string; city: string; state: string;
  county: string; zip: string; country: string; phone: string; phone2: string; fax: string; mobile: string; username: string;
  password: string; confirmPassword: string; language: TContactLanguage; emailFormat: "HTML" | "TEXT"; emailActions: TContactEmailAction[];
};

export const EMPTY_CONTACT: TContactFormValues = {
  company: "", firstName: "", lastName: "", email: "", address1: "", address2: "", city: "", state: "", county: "", zip: "", country: "",
  phone: "", phone2: "", fax: "", mobile: "", username: "", password: "", confirmPassword: "", language: "en", emailFormat: "HTML", emailActions: [],
};

const LANGUAGE_OPTIONS = Object.entries(CONTACT_LANGUAGES).map(([value, label]) => ({ value, label }));

type Props = {
  values: TContactFormValues;
  onChange: (values: TContactFormValues) => void;
  errors: Record<string, string[] | undefined>;
  /** "New Password" when adding; "Edit Contact Info" leaves it empty to keep the current one. */
  passwordHint?: string;
};

export const ContactFields = ({ values, onChange, errors, passwordHint }: Props) => {
  const t = useTranslations("ClientArea.contactFields");
  const tActions = useTranslations("ClientArea.emailActions");
  const countryOptions = [{ value: "", label: t("chooseCountry") }, ...useCountryOptions()];
  const actionOptions = ALL_CONTACT_EMAIL_ACTIONS.map((value) => ({ value, label: tActions(value) }));
  const set = (field: keyof TContactFormValues) => (event: { target: { value: string } }) => onChange({ ...values, [field]: event.target.value });
  const error = (field: string) => errors[field]?.[0];
  const text = (field: keyof TContactFormValues, label: string, extra: { type?: string; required?: boolean; autoComplete?: string; hint?: string } = {}) => (
    <TextField label={label} name={field} value={values[field] as string} onChange={set(field)} error={error(field)} {...extra} />
  );
  const counties = countiesFor(values.country, values.state);
  const allActionsOn = values.emailActions.length === ALL_CONTACT_EMAIL_ACTIONS.length;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {text("company", t("company"), { autoComplete: "organization" })}
        <span aria-hidden="true" className="hidden sm:block" />
        {text("firstName", t("firstName"), { required: true, autoComplete: "given-name" })}
        {text("lastName", t("lastName"), { required: true, autoComplete: "family-name" })}
        {text("email", t("email"), { type: "email", required: true, autoComplete: "email" })}
        <span aria-hidden="true" className="hidden sm:block" />
        {text("address1", t("address1"), { required: true, autoComplete: "address-line1" })}
        {text("address2", t("address2"), { autoComplete: "address-line2" })}
        {text("city", t("city"), { required: true, autoComplete: "address-level2" })}
        {text("state", t("state"), { required: true, autoComplete: "address-level1", hint: t("stateHint") })}
        {counties && (
          <SelectField
            label={t("county")}
            name="county"
            value={values.county}
            onChange={set("county")}
            error={error("county")}
            options={[{ value: "", label: t("chooseCounty") }, ...counties.map((county) => ({ value: county, label: county }))]}
            required
          />
        )}
        {text("zip", t("zip"), { required: true, autoComplete: "postal-code" })}
        <SelectField label={t("country")} name="country" value={values.country} onChange={set("country")} error={error("country")} options={countryOptions} required />
        {text("phone", t("phone"), { type: "tel", required: true, autoComplete: "tel" })}
        {text("phone2", t("phone2"), { type: "tel" })}
        {text("fax", t("fax"), { type: "tel" })}
        {text("mobile", t("mobile"), { type: "tel" })}
        {text("username", t("username"), { autoComplete: "off", hint: t("usernameHint") })}
        <span aria-hidden="true" className="hidden sm:block" />
        {text("password", t("newPassword"), { type: "password", autoComplete: "new-password", hint: passwordHint ?? t("passwordHint") })}
        {text("confirmPassword", t("confirmPassword"), { type: "password", autoComplete: "new-password" })}
        <SelectField label={t("language")} name="language" value={values.language} onChange={set("language")} error={error("language")} options={LANGUAGE_OPTIONS} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("emailFormat")}</legend>
          {(["HTML", "TEXT"] as const).map((format) => (
            <label key={format} className="mr-4 inline-flex items-center gap-2 text-sm text-slate-700">
              <input type="radio" name="emailFormat" value={format} checked={values.emailFormat === format} onChange={() => onChange({ ...values, emailFormat: format })} />
              {format === "HTML" ? "HTML" : t("plainText")}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="space-y-2">
        <CheckboxGroup legend={t("emailActions")} options={actionOptions} selected={values.emailActions} onChange={(emailActions) => onChange({ ...values, emailActions: emailActions as TContactEmailAction[] })} error={error("emailActions")} />
        <Button type="button" variant="secondary" onClick={() => onChange({ ...values, emailActions: allActionsOn ? [] : [...ALL_CONTACT_EMAIL_ACTIONS] })}>
          {t("toggleAll")}
        </Button>
      </div>
    </div>
  );
};
