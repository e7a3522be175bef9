import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { FlashMessage } from "@/components/storefront/flash-message";
import { PriceLabel } from "@/components/storefront/price-label";
import { ProductExtras } from "@/components/storefront/product-extras";
import { SubmitButton } from "@/components/storefront/submit-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CurrencySwitch } from "@/components/storefront/currency-switch";
import { isStorefrontVariant, storefrontAlternates, storefrontPath, variantCurrency, variantLocale } from "@/lib/storefront-variants.mjs";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { addToCartAction } from "@/server/cart/cart-actions";
import { cachedStorefrontCurrencies, cachedStorefrontProduct } from "@/server/catalog/storefront-catalog-cache";

// Cached like the storefront home (see its page.tsx): rendered on a slug's first request, never at build time.
export const dynamic = "error";
export const revalidate = 60;
export const generateStaticParams = () => [];

type ProductPageProps = { params: Promise<{ variant: string; slug: string }> };

/** The product in the variant's currency; null for an unknown variant, currency or product. */
const loadProduct = async ({ params }: ProductPageProps) => {
  const { variant, slug } = await params;
  if (!isStorefrontVariant(variant)) return null;
  const currency = variantCurrency(variant) ?? STOREFRONT_CURRENCY;
  const currencies = await cachedStorefrontCurrencies();
  if (variantCurrency(variant) && !currencies.includes(currency)) return null;
  const product = await cachedStorefrontProduct(slug, currency);
  return product ? { product, variant, currency, currencies } : null;
};

export const generateMetadata = async (props: ProductPageProps): Promise<Metadata> => {
  const loaded = await loadProduct(props);
  return loaded ? { title: loaded.product.name, alternates: storefrontAlternates(loaded.variant, `/products/${loaded.product.slug}`) } : {};
};

// The codes addToCartAction redirects back with (?error=…). Read in the browser: the cached page is the same for
// everyone, and only these fixed texts are shown, never the query's own text.
const ERROR_CODES = ["unavailable", "choose-cycle", "out-of-stock", "invalid-choice"] as const;

const ProductPage = async (props: ProductPageProps) => {
  const loaded = await loadProduct(props);
  if (!loaded) {
    notFound();
  }
  const { product, variant, currency, currencies } = loaded;
  setRequestLocale(variantLocale(variant));
  const t = await getTranslations();
  const errors = Object.fromEntries(ERROR_CODES.map((code) => [code, t(`Storefront.addToCartErrors.${code}`)]));

  return (
    <>
      <Suspense fallback={null}>
        <FlashMessage messages={errors} />
      </Suspense>
      <CurrencySwitch currencies={currencies} current={currency} variant={variant} path={`/products/${product.slug}`} />
      <nav aria-label={t("Storefront.breadcrumb")} className="mb-4 text-sm text-slate-600">
        <Link href={storefrontPath(variant, "/")} className="underline hover:text-brand-700">
          {t("Storefront.products")}
        </Link>{" "}
        / {product.group.name}
      </nav>
      <PageHeader title={product.name} description={product.description} />
      <Card className="max-w-2xl">
        {!product.inStock ? (
          <p className="text-base font-semibold text-red-700">{t("Storefront.outOfStock")}</p>
        ) : (
        <form action={addToCartAction} className="space-y-5">
          <input type="hidden" name="variant" value={variant} />
          <input type="hidden" name="productId" value={product.id} />
          <input type="hidden" name="productSlug" value={product.slug} />
          <fieldset>
            <legend className="text-base font-semibold text-slate-900">{t("Common.billingCycle")}</legend>
            <div className="mt-3 space-y-2">
              {product.prices.map((price, index) => (
                <label
                  key={price.id}
                  className="flex cursor-pointer items-center gap-3 rounded-md p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-500"
                >
                  <input type="radio" name="cycle" value={price.cycle} defaultChecked={index === 0} required className="size-4 accent-brand-600" />
                  <span className="flex flex-wrap gap-x-2 text-sm">
                    <span className="font-medium text-slate-900">{t(`Common.cycles.${price.cycle}`)}</span>
                    <PriceLabel amountCents={price.amountCents} setupFeeCents={price.setupFeeCents} currency={price.currency} cycle={price.cycle} />
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <ProductExtras product={product} />
          <SubmitButton>{t("Storefront.addToCart")}</SubmitButton>
        </form>
        )}
      </Card>
    </>
  );
};

export default ProductPage;
