import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PackageTable } from "@/components/client/package-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireContact } from "@/server/clients/require-contact";
import { listClientPackages } from "@/server/services/package-queries";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("ClientArea.nav"))("packages") });

const PackagesPage = async () => {
  const { clientId } = await requireContact("services");
  const [packages, t] = await Promise.all([listClientPackages({ clientId }), getTranslations()]);
  return (
    <>
      <PageHeader
        title={t("ClientArea.nav.packages")}
        description={t("ClientArea.packages.intro")}
      />
      {packages.length === 0 ? (
        <EmptyState title={t("ClientArea.packages.none")}>
          <Link href="/" className="font-medium text-brand-700 underline">
            {t("Storefront.browseProducts")}
          </Link>
        </EmptyState>
      ) : (
        <PackageTable packages={packages} />
      )}
    </>
  );
};

export default PackagesPage;
