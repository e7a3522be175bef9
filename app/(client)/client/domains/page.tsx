import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireContact } from "@/server/clients/require-contact";

export const metadata: Metadata = { title: "Domains" };

// NOTE: domain management (contacts, DNS, registrar lock, autorenew, EPP code) is not built yet; say so honestly.
const DomainsPage = async () => {
  await requireContact("domains");
  return (
    <>
      <PageHeader title="Domains" />
      <EmptyState title="Domain management arrives in a later release.">
        Domains you register with us will be listed here, with their contact information, DNS settings, registrar lock and
        autorenew options.
      </EmptyState>
    </>
  );
};

export default DomainsPage;
