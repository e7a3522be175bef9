import type { Metadata } from "next";
import { ProductForm } from "@/components/admin/catalog/product-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { listCurrencies, listGroupChoices } from "@/server/catalog/admin/admin-catalog-queries";

export const metadata: Metadata = { title: "Add Product" };

const NewProductPage = async ({ searchParams }: { searchParams: Promise<{ group?: string }> }) => {
  await requireStaff("catalog.write");
  const [groups, currencies, { group }] = await Promise.all([listGroupChoices(), listCurrencies(), searchParams]);
  const groupId = groups.find((candidate) => candidate.id === group)?.id ?? groups[0]?.id ?? "";
  return (
    <>
      <PageHeader title="Add Product" description="A product of the catalog, with its prices per billing cycle and currency." />
      <Card>
        <ProductForm
          groups={groups}
          currencies={currencies}
          product={{ groupId, name: "", slug: "", type: "SHARED_HOSTING", description: "", isHidden: false, stockCount: null, welcomeEmailText: "", prices: [] }}
        />
      </Card>
    </>
  );
};

export default NewProductPage;
