import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PriceLabel } from "@/components/storefront/price-label";
import { SubmitButton } from "@/components/storefront/submit-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { addToCartAction } from "@/server/cart/cart-actions";
import { getStorefrontProduct } from "@/server/catalog/catalog-queries";

// NOTE: cached per request, so the metadata and the page share one catalog read.
const loadProduct = cache((slug: string) => getStorefrontProduct({ slug }));

type ProductPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string }> };

export const generateMetadata = async ({ params }: ProductPageProps): Promise<Metadata> => {
  const { slug } = await params;
  const product = await loadProduct(slug);
  return { title: product?.name ?? "Product" };
};

const ERRORS: Record<string, string> = {
  unavailable: "This billing cycle is no longer offered. Please choose another one.",
  "choose-cycle": "Please choose a billing cycle.",
};

const ProductPage = async ({ params, searchParams }: ProductPageProps) => {
  const { slug } = await params;
  const { error } = await searchParams;
  const product = await loadProduct(slug);
  if (!product) {
    notFound();
  }
  const errorMessage = error ? ERRORS[error] : undefined;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-600">
        <Link href="/" className="underline hover:text-brand-700">
          Products
        </Link>{" "}
        / {product.group.name}
      </nav>
      <PageHeader title={product.name} description={product.description} />
      <Card className="max-w-2xl">
        <form action={addToCartAction} className="space-y-5">
          {errorMessage && <Alert tone="error">{errorMessage}</Alert>}
          <input type="hidden" name="productId" value={product.id} />
          <input type="hidden" name="productSlug" value={product.slug} />
          <fieldset>
            <legend className="text-base font-semibold text-slate-900">Billing Cycle</legend>
            <div className="mt-3 space-y-2">
              {product.prices.map((price, index) => (
                <label
                  key={price.id}
                  className="flex cursor-pointer items-center gap-3 rounded-md p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-500"
                >
                  <input type="radio" name="cycle" value={price.cycle} defaultChecked={index === 0} required className="size-4 accent-brand-600" />
                  <span className="flex flex-wrap gap-x-2 text-sm">
                    <span className="font-medium text-slate-900">{billingCycleLabel(price.cycle)}</span>
                    <PriceLabel amountCents={price.amountCents} setupFeeCents={price.setupFeeCents} currency={price.currency} cycle={price.cycle} />
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <SubmitButton>Add to Cart</SubmitButton>
        </form>
      </Card>
    </>
  );
};

export default ProductPage;
