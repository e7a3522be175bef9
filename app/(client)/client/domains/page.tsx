import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireContact } from "@/server/clients/require-contact";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("ClientArea.nav"))("domains") });

// NOTE: domain management (contacts, DNS, registrar lock, autorenew, EPP code) is not built yet; say so honestly.
const DomainsPage = async () => {
  await requireContact("domains");
  const t = await getTranslations("ClientArea");
  return (
    <>
      <PageHeader title={t("nav.domains")} />
      <EmptyState title={t("domains.notYet")}>{t("domains.notYetHint")}</EmptyState>
    </>
  );
};

export default DomainsPage;
