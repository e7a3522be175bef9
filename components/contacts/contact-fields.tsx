"use client";

import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField, TextField } from "@/components/ui/field";
import { ALL_CONTACT_EMAIL_ACTIONS, CONTACT_EMAIL_ACTIONS, CONTACT_LANGUAGES, type TContactEmailAction, type TContactLanguage } from "@/lib/contact-options";
import { COUNTRIES } from "@/lib/countries";
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

const COUNTRY_OPTIONS = [{ value: "", label: "Choose a country" }, ...COUNTRIES.map((country) => ({ value: country.code, label: country.name }))];
const LANGUAGE_OPTIONS = Object.entries(CONTACT_LANGUAGES).map(([value, label]) => ({ value, label }));
const ACTION_OPTIONS = Object.entries(CONTACT_EMAIL_ACTIONS).map(([value, label]) => ({ value, label }));

type Props = {
  values: TContactFormValues;
  onChange: (values: TContactFormValues) => void;
  errors: Record<string, string[] | undefined>;
  /** "New Password" when adding; "Edit Contact Info" leaves it empty to keep the current one. */
  passwordHint?: string;
};

export const ContactFields = ({ values, onChange, errors, passwordHint }: Props) => {
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
        {text("company", "Company", { autoComplete: "organization" })}
        <span aria-hidden="true" className="hidden sm:block" />
        {text("firstName", "First Name", { required: true, autoComplete: "given-name" })}
        {text("lastName", "Last Name", { required: true, autoComplete: "family-name" })}
        {text("email", "E-mail", { type: "email", required: true, autoComplete: "email" })}
        <span aria-hidden="true" className="hidden sm:block" />
        {text("address1", "Street Address", { required: true, autoComplete: "address-line1" })}
        {text("address2", "Address 2", { autoComplete: "address-line2" })}
        {text("city", "City", { required: true, autoComplete: "address-level2" })}
        {text("state", "State/Province", { required: true, autoComplete: "address-level1", hint: "For a US state, its two-letter code." })}
        {counties && (
          <SelectField
            label="County"
            name="county"
            value={values.county}
            onChange={set("county")}
            error={error("county")}
            options={[{ value: "", label: "Choose a county" }, ...counties.map((county) => ({ value: county, label: county }))]}
            required
          />
        )}
        {text("zip", "Zip Code", { required: true, autoComplete: "postal-code" })}
        <SelectField label="Country" name="country" value={values.country} onChange={set("country")} error={error("country")} options={COUNTRY_OPTIONS} required />
        {text("phone", "Primary Phone", { type: "tel", required: true, autoComplete: "tel" })}
        {text("phone2", "Secondary Phone", { type: "tel" })}
        {text("fax", "Fax", { type: "tel" })}
        {text("mobile", "Mobile Phone", { type: "tel" })}
        {text("username", "User Name", { autoComplete: "off", hint: "Optional: signs in with this or the e-mail address." })}
        <span aria-hidden="true" className="hidden sm:block" />
        {text("password", "New Password", { type: "password", autoComplete: "new-password", hint: passwordHint ?? "Optional: without one, the contact cannot sign in." })}
        {text("confirmPassword", "Confirm Password", { type: "password", autoComplete: "new-password" })}
        <SelectField label="Language" name="language" value={values.language} onChange={set("language")} error={error("language")} options={LANGUAGE_OPTIONS} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Email Format</legend>
          {(["HTML", "TEXT"] as const).map((format) => (
            <label key={format} className="mr-4 inline-flex items-center gap-2 text-sm text-slate-700">
              <input type="radio" name="emailFormat" value={format} checked={values.emailFormat === format} onChange={() => onChange({ ...values, emailFormat: format })} />
              {format === "HTML" ? "HTML" : "Plain text"}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="space-y-2">
        <CheckboxGroup legend="Email Actions" options={ACTION_OPTIONS} selected={values.emailActions} onChange={(emailActions) => onChange({ ...values, emailActions: emailActions as TContactEmailAction[] })} error={error("emailActions")} />
        <Button type="button" variant="secondary" onClick={() => onChange({ ...values, emailActions: allActionsOn ? [] : [...ALL_CONTACT_EMAIL_ACTIONS] })}>
          Toggle All
        </Button>
      </div>
    </div>
  );
};
