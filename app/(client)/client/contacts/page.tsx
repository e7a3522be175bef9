import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContactsManager } from "@/components/contacts/contacts-manager";
import { PageHeader } from "@/components/ui/page-header";
import { listClientContacts } from "@/server/clients/contact-queries";
import { requireContact } from "@/server/clients/require-contact";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("ClientArea.nav"))("contacts") });

const ContactsPage = async () => {
  const { clientId } = await requireContact("contacts");
  const [contacts, t] = await Promise.all([listClientContacts({ clientId }), getTranslations("ClientArea")]);
  return (
    <>
      <PageHeader title={t("nav.contacts")} description={t("contacts.intro")} />
      <ContactsManager contacts={contacts} />
    </>
  );
};

export default ContactsPage;
