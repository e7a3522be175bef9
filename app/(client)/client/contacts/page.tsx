import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { countryName } from "@/lib/countries";
import { requireClient } from "@/server/auth";
import { listClientContacts } from "@/server/clients/contact-queries";

export const metadata: Metadata = { title: "Contacts" };

const ContactsPage = async () => {
  const { clientId } = await requireClient();
  const contacts = await listClientContacts({ clientId });
  return (
    <>
      <PageHeader title="Contacts" description="The people on your account. Automatic e-mails go to each contact's e-mail address." />
      {contacts.length === 0 ? (
        <EmptyState title="No contacts yet." />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {contacts.map((contact) => (
            <li key={contact.id}>
              <Card title={`${contact.firstName} ${contact.lastName}`} actions={contact.isPrimary ? <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-700">Primary</span> : undefined}>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  {contact.company && (
                    <>
                      <dt className="font-medium text-slate-600">Company</dt>
                      <dd>{contact.company}</dd>
                    </>
                  )}
                  <dt className="font-medium text-slate-600">E-mail</dt>
                  <dd className="break-all">{contact.email}</dd>
                  <dt className="font-medium text-slate-600">Address</dt>
                  <dd>
                    {contact.address1}
                    {contact.address2 && <>, {contact.address2}</>}
                    <br />
                    {contact.city}, {contact.state} {contact.zip}
                    <br />
                    {countryName(contact.country)}
                  </dd>
                  <dt className="font-medium text-slate-600">Primary Phone</dt>
                  <dd>{contact.phone}</dd>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};

export default ContactsPage;
