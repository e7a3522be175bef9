import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddonForm } from "@/components/admin/catalog/addon-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { getAdminAddon, listCurrencies, listProductChoices } from "@/server/catalog/admin/admin-catalog-queries";

export const metadata: Metadata = { title: "Edit Add-on" };

const AddonPage = async ({ params }: { params: Promise<{ addonId: string }> }) => {
  await requireStaff("catalog.write");
  const { addonId } = await params;
  const [addon, products, currencies] = await Promise.all([getAdminAddon(addonId), listProductChoices(), listCurrencies()]);
  if (!addon) notFound();
  const { products: _products, ...values } = addon;
  return (
    <>
      <PageHeader title={addon.name} description="Add-on" />
      <Card>
        <AddonForm products={products} currencies={currencies} addon={values} />
      </Card>
    </>
  );
};

export default AddonPage;
