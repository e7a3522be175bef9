import type { Metadata } from "next";
import { ContactsManager } from "@/components/contacts/contacts-manager";
import { PageHeader } from "@/components/ui/page-header";
import { listClientContacts } from "@/server/clients/contact-queries";
import { requireContact } from "@/server/clients/require-contact";

export const metadata: Metadata = { title: "Contacts" };

const ContactsPage = async () => {
  const { clientId } = await requireContact("contacts");
  const contacts = await listClientContacts({ clientId });
  return (
    <>
      <PageHeader title="Contacts" description="The people on your account: what each may do here and which e-mails each receives." />
      <ContactsManager contacts={contacts} />
    </>
  );
};

export default ContactsPage;
