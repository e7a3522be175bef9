import type { Metadata } from "next";
import Link from "next/link";
import { PackageTable } from "@/components/client/package-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireContact } from "@/server/clients/require-contact";
import { listClientPackages } from "@/server/services/package-queries";

export const metadata: Metadata = { title: "Packages" };

const PackagesPage = async () => {
  const { clientId } = await requireContact("services");
  const packages = await listClientPackages({ clientId });
  return (
    <>
      <PageHeader
        title="Packages"
        description="A new package is Pending until its first invoice is paid, Work In Progress while it is set up, then Active."
      />
      {packages.length === 0 ? (
        <EmptyState title="You have no packages yet.">
          <Link href="/" className="font-medium text-brand-700 underline">
            Browse our products
          </Link>
        </EmptyState>
      ) : (
        <PackageTable packages={packages} />
      )}
    </>
  );
};

export default PackagesPage;
