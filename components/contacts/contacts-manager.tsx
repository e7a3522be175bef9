"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { ALL_CONTACT_EMAIL_ACTIONS, ALL_CONTACT_PERMISSIONS, type TContactEmailAction, type TContactLanguage, type TContactPermission } from "@/lib/contact-options";
import { isCountryCode } from "@/lib/countries";
import { useTRPC } from "@/lib/trpc/client";
import { ContactFields, EMPTY_CONTACT, type TContactFormValues } from "./contact-fields";

export type TContactRow = Omit<TContactFormValues, "password" | "confirmPassword" | "username" | "language" | "emailActions"> & {
  id: string; isPrimary: boolean; username: string | null; language: string; emailActions: string[]; permissions: string[];
};

const formValuesOf = (contact: TContactRow): TContactFormValues & { permissions: TContactPermission[] } => ({
  ...EMPTY_CONTACT,
  ...contact,
  username: contact.username ?? "",
  language: contact.language as TContactLanguage,
  emailActions: contact.emailActions as TContactEmailAction[],
  permissions: contact.permissions as TContactPermission[],
  password: "",
  confirmPassword: "",
});

const isPermission = (value: string): value is TContactPermission => (ALL_CONTACT_PERMISSIONS as readonly string[]).includes(value);
const isEmailAction = (value: string): value is TContactEmailAction => (ALL_CONTACT_EMAIL_ACTIONS as readonly string[]).includes(value);

/** "Add Contact" (no `contact`) or "Edit Contact Info" → "Save Contact". */
const ContactForm = ({ contact, onDone }: { contact?: TContactRow; onDone: () => void }) => {
  const t = useTranslations("ClientArea.contacts");
  const tPermissions = useTranslations("ClientArea.permissions");
  const trpc = useTRPC();
  const [values, setValues] = useState(contact ? formValuesOf(contact) : { ...EMPTY_CONTACT, permissions: [] as TContactPermission[] });
  const add = useMutation(trpc.clientArea.addContact.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.clientArea.updateContact.mutationOptions({ onSuccess: onDone }));
  const failed = add.error ?? update.error;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (contact) update.mutate({ ...values, contactId: contact.id });
    else add.mutate(values);
  };
  const title = contact ? t("editTitle", { name: `${contact.firstName} ${contact.lastName}` }) : t("add");
  return (
    <Card title={title}>
      <form aria-label={title} className="space-y-4" onSubmit={onSubmit} noValidate>
        {failed && <Alert tone="error">{failed.message}</Alert>}
        <ContactFields
          values={values}
          onChange={(next) => setValues({ ...values, ...next })}
          errors={failed?.data?.fieldErrors ?? {}}
          passwordHint={contact ? t("keepPasswordHint") : undefined}
        />
        {contact?.isPrimary ? (
          <p className="text-sm text-slate-600">{t("primaryHasAll")}</p>
        ) : (
          <CheckboxGroup
            legend={t("permissions")}
            options={ALL_CONTACT_PERMISSIONS.map((value) => ({ value, label: tPermissions(value) }))}
            selected={values.permissions}
            onChange={(permissions) => setValues({ ...values, permissions: permissions as TContactPermission[] })}
            error={failed?.data?.fieldErrors?.permissions?.[0]}
          />
        )}
        <div className="flex gap-3">
          <Button type="submit" isPending={add.isPending || update.isPending}>
            {contact ? t("save") : t("add")}
          </Button>
          <Button type="button" variant="secondary" onClick={onDone}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    </Card>
  );
};

/** Client area → Contacts: the account's contacts with add, edit and remove (never the primary contact). */
export const ContactsManager = ({ contacts }: { contacts: TContactRow[] }) => {
  const t = useTranslations("ClientArea");
  const tCountries = useTranslations("Countries");
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const remove = useMutation(trpc.clientArea.removeContact.mutationOptions({ onSuccess: () => router.refresh() }));
  const done = () => {
    setEditing(null);
    router.refresh();
  };
  const editingContact = contacts.find((contact) => contact.id === editing);
  if (editing === "new") return <ContactForm onDone={done} />;
  if (editingContact) return <ContactForm key={editingContact.id} contact={editingContact} onDone={done} />;
  return (
    <div className="space-y-4">
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      <Button type="button" onClick={() => setEditing("new")}>
        {t("contacts.add")}
      </Button>
      <ul className="grid gap-4 md:grid-cols-2">
        {contacts.map((contact) => {
          const name = `${contact.firstName} ${contact.lastName}`;
          const permissions = contact.isPrimary ? ALL_CONTACT_PERMISSIONS : contact.permissions;
          return (
            <li key={contact.id}>
              <Card title={name} actions={contact.isPrimary ? <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-700">{t("contacts.primary")}</span> : undefined}>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  {contact.company && (<><dt className="font-medium text-slate-600">{t("contactFields.company")}</dt><dd>{contact.company}</dd></>)}
                  <dt className="font-medium text-slate-600">{t("contactFields.email")}</dt>
                  <dd className="break-all">{contact.email}</dd>
                  {contact.username && (<><dt className="font-medium text-slate-600">{t("contactFields.username")}</dt><dd>{contact.username}</dd></>)}
                  <dt className="font-medium text-slate-600">{t("contacts.address")}</dt>
                  <dd>
                    {contact.address1}
                    {contact.address2 && <>, {contact.address2}</>}
                    <br />
                    {contact.city}, {contact.state}{contact.county && ` (${t("contacts.countyName", { county: contact.county })})`} {contact.zip}
                    <br />
                    {isCountryCode(contact.country) ? tCountries(contact.country) : contact.country}
                  </dd>
                  <dt className="font-medium text-slate-600">{t("contactFields.phone")}</dt>
                  <dd>{contact.phone}</dd>
                  <dt className="font-medium text-slate-600">{t("contacts.permissions")}</dt>
                  <dd>{permissions.filter(isPermission).map((permission) => t(`permissionNames.${permission}`)).join(", ") || t("contacts.none")}</dd>
                  <dt className="font-medium text-slate-600">{t("contactFields.emailActions")}</dt>
                  <dd>{contact.emailActions.filter(isEmailAction).map((action) => t(`emailActions.${action}`)).join(", ") || t("contacts.none")}</dd>
                </dl>
                <div className="mt-3 flex gap-2">
                  <Button type="button" variant="secondary" onClick={() => setEditing(contact.id)} aria-label={t("contacts.editTitle", { name })}>
                    {t("contacts.edit")}
                  </Button>
                  {!contact.isPrimary && (
                    <Button
                      type="button"
                      variant="danger"
                      isPending={remove.isPending && remove.variables?.contactId === contact.id}
                      aria-label={t("contacts.removeWhom", { name })}
                      onClick={() => {
                        if (window.confirm(t("contacts.confirmRemove", { name }))) remove.mutate({ contactId: contact.id });
                      }}
                    >
                      {t("contacts.remove")}
                    </Button>
                  )}
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
};
