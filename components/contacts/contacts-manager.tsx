"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { ALL_CONTACT_PERMISSIONS, CONTACT_EMAIL_ACTIONS, CONTACT_PERMISSIONS, type TContactEmailAction, type TContactLanguage, type TContactPermission } from "@/lib/contact-options";
import { countryName } from "@/lib/countries";
import { useTRPC } from "@/lib/trpc/client";
import { ContactFields, EMPTY_CONTACT, type TContactFormValues } from "./contact-fields";

export type TContactRow = Omit<TContactFormValues, "password" | "confirmPassword" | "username" | "language" | "emailActions"> & {
  id: string; isPrimary: boolean; username: string | null; language: string; emailActions: string[]; permissions: string[];
};

const PERMISSION_OPTIONS = Object.entries(CONTACT_PERMISSIONS).map(([value, label]) => ({ value, label }));

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

/** "Add Contact" (no `contact`) or "Edit Contact Info" → "Save Contact". */
const ContactForm = ({ contact, onDone }: { contact?: TContactRow; onDone: () => void }) => {
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
  const title = contact ? `Edit Contact Info: ${contact.firstName} ${contact.lastName}` : "Add Contact";
  return (
    <Card title={title}>
      <form aria-label={title} className="space-y-4" onSubmit={onSubmit} noValidate>
        {failed && <Alert tone="error">{failed.message}</Alert>}
        <ContactFields
          values={values}
          onChange={(next) => setValues({ ...values, ...next })}
          errors={failed?.data?.fieldErrors ?? {}}
          passwordHint={contact ? "Leave empty to keep the current password." : undefined}
        />
        {contact?.isPrimary ? (
          <p className="text-sm text-slate-600">The primary contact has every permission.</p>
        ) : (
          <CheckboxGroup
            legend="Permissions"
            options={PERMISSION_OPTIONS}
            selected={values.permissions}
            onChange={(permissions) => setValues({ ...values, permissions: permissions as TContactPermission[] })}
            error={failed?.data?.fieldErrors?.permissions?.[0]}
          />
        )}
        <div className="flex gap-3">
          <Button type="submit" isPending={add.isPending || update.isPending}>
            {contact ? "Save Contact" : "Add Contact"}
          </Button>
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
};

/** Client area → Contacts: the account's contacts with add, edit and remove (never the primary contact). */
export const ContactsManager = ({ contacts }: { contacts: TContactRow[] }) => {
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
        Add Contact
      </Button>
      <ul className="grid gap-4 md:grid-cols-2">
        {contacts.map((contact) => {
          const name = `${contact.firstName} ${contact.lastName}`;
          const permissions = contact.isPrimary ? ALL_CONTACT_PERMISSIONS : contact.permissions;
          return (
            <li key={contact.id}>
              <Card title={name} actions={contact.isPrimary ? <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-700">Primary</span> : undefined}>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  {contact.company && (<><dt className="font-medium text-slate-600">Company</dt><dd>{contact.company}</dd></>)}
                  <dt className="font-medium text-slate-600">E-mail</dt>
                  <dd className="break-all">{contact.email}</dd>
                  {contact.username && (<><dt className="font-medium text-slate-600">User Name</dt><dd>{contact.username}</dd></>)}
                  <dt className="font-medium text-slate-600">Address</dt>
                  <dd>
                    {contact.address1}
                    {contact.address2 && <>, {contact.address2}</>}
                    <br />
                    {contact.city}, {contact.state}{contact.county && ` (${contact.county} County)`} {contact.zip}
                    <br />
                    {countryName(contact.country)}
                  </dd>
                  <dt className="font-medium text-slate-600">Primary Phone</dt>
                  <dd>{contact.phone}</dd>
                  <dt className="font-medium text-slate-600">Permissions</dt>
                  <dd>{permissions.map((permission) => CONTACT_PERMISSIONS[permission as TContactPermission]?.split(":")[0]).join(", ") || "None"}</dd>
                  <dt className="font-medium text-slate-600">Email Actions</dt>
                  <dd>{contact.emailActions.map((action) => CONTACT_EMAIL_ACTIONS[action as TContactEmailAction]).join(", ") || "None"}</dd>
                </dl>
                <div className="mt-3 flex gap-2">
                  <Button type="button" variant="secondary" onClick={() => setEditing(contact.id)} aria-label={`Edit Contact Info: ${name}`}>
                    Edit Contact Info
                  </Button>
                  {!contact.isPrimary && (
                    <Button
                      type="button"
                      variant="danger"
                      isPending={remove.isPending && remove.variables?.contactId === contact.id}
                      aria-label={`Remove ${name}`}
                      onClick={() => {
                        if (window.confirm(`Remove ${name} from your account? They can no longer sign in.`)) remove.mutate({ contactId: contact.id });
                      }}
                    >
                      Remove
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
