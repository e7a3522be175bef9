import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OptionForm } from "@/components/admin/catalog/option-form";
import { ProductForm } from "@/components/admin/catalog/product-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { getAdminProduct, listCurrencies, listGroupChoices } from "@/server/catalog/admin/admin-catalog-queries";

export const metadata: Metadata = { title: "Edit Product" };

const ProductPage = async ({ params }: { params: Promise<{ productId: string }> }) => {
  await requireStaff("catalog.write");
  const { productId } = await params;
  const [product, groups, currencies] = await Promise.all([getAdminProduct(productId), listGroupChoices(), listCurrencies()]);
  if (!product) notFound();
  const { options, addons, ...details } = product;
  return (
    <>
      <PageHeader title={product.name} description={<>Storefront page: <TextLink href={`/products/${product.slug}`}>/products/{product.slug}</TextLink></>} />
      <div className="space-y-6">
        <Card title="Details and Pricing">
          <ProductForm product={details} groups={groups} currencies={currencies} />
        </Card>
        <Card title="Add-ons">
          {addons.length === 0 ? (
            <p className="text-sm text-slate-600">No add-ons are offered with this product.</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {addons.map((addon) => (
                <li key={addon.id}>
                  <TextLink href={`/admin/products/addons/${addon.id}`}>{addon.name}</TextLink>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm text-slate-600">Add-ons are attached to products on their own page (Products → Add-ons).</p>
        </Card>
        <Card title="Configurable Options">
          <div className="space-y-4">
            {options.map((option) => (
              <OptionForm key={option.id} productId={product.id} option={option} currencies={currencies} />
            ))}
            <OptionForm key={`new-${options.length}`} productId={product.id} currencies={currencies} option={{ name: "", slug: "", kind: "DROPDOWN", minQuantity: null, maxQuantity: null, stepQuantity: null, values: [] }} />
          </div>
        </Card>
      </div>
    </>
  );
};

export default ProductPage;
