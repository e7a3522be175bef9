import type { Metadata } from "next";
import { AddonForm } from "@/components/admin/catalog/addon-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { listCurrencies, listProductChoices } from "@/server/catalog/admin/admin-catalog-queries";

export const metadata: Metadata = { title: "Add Add-on" };

const NewAddonPage = async () => {
  await requireStaff("catalog.write");
  const [products, currencies] = await Promise.all([listProductChoices(), listCurrencies()]);
  return (
    <>
      <PageHeader title="Add Add-on" description="An extra bought with a product, with its own prices." />
      <Card>
        <AddonForm products={products} currencies={currencies} addon={{ name: "", slug: "", description: "", isHidden: false, productIds: [], prices: [] }} />
      </Card>
    </>
  );
};

export default NewAddonPage;
