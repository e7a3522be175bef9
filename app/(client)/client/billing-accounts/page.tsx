import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireContact } from "@/server/clients/require-contact";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("ClientArea.nav"))("billingAccounts") });

// NOTE: saved billing accounts (cards, bank drafts) are not built yet; invoices are paid by bank transfer for now.
const BillingAccountsPage = async () => {
  await requireContact("billing");
  const t = await getTranslations("ClientArea");
  return (
    <>
      <PageHeader title={t("nav.billingAccounts")} />
      <EmptyState title={t("billingAccounts.notYet")}>{t("billingAccounts.notYetHint")}</EmptyState>
    </>
  );
};

export default BillingAccountsPage;
