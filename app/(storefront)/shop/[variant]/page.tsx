import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ProductCard } from "@/components/storefront/product-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CurrencySwitch } from "@/components/storefront/currency-switch";
import { isStorefrontVariant, storefrontAlternates, storefrontPath, variantCurrency, variantLocale } from "@/lib/storefront-variants.mjs";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { cachedStorefrontCurrencies, cachedStorefrontGroups } from "@/server/catalog/storefront-catalog-cache";

// Served from Next's cache, the same bytes for every visitor (README "Storefront caching"): rendered on the
// first request (never at build time, which must not open the database: no params are listed), kept until a
// catalog change invalidates it, and regenerated in the background after 60 s at the latest. "error" makes any
// request-time read (cookies, headers, searchParams) here or in the layout fail instead of quietly turning the
// page back into a per-request render.
export const dynamic = "error";
export const revalidate = 60;
export const generateStaticParams = () => [];

type StorefrontPageProps = { params: Promise<{ variant: string }> };

export const generateMetadata = async ({ params }: StorefrontPageProps): Promise<Metadata> => {
  const { variant } = await params;
  const t = await getTranslations({ locale: variantLocale(variant), namespace: "Storefront" });
  return { title: t("products"), alternates: storefrontAlternates(variant, "/") };
};

const StorefrontPage = async ({ params }: StorefrontPageProps) => {
  const { variant } = await params;
  if (!isStorefrontVariant(variant)) notFound();
  setRequestLocale(variantLocale(variant));
  const t = await getTranslations("Storefront");
  const currency = variantCurrency(variant) ?? STOREFRONT_CURRENCY;
  const currencies = await cachedStorefrontCurrencies();
  // NOTE: a currency variant must be one the shop sells in; the default one always renders.
  if (variantCurrency(variant) && !currencies.includes(currency)) notFound();
  const groups = await cachedStorefrontGroups(currency);
  return (
    <>
      <CurrencySwitch currencies={currencies} current={currency} variant={variant} path="/" />
      <PageHeader title={t("products")} description={t("productsIntro")} />
      {groups.length === 0 ? (
        <EmptyState title={t("noProducts")}>{t("checkBackSoon")}</EmptyState>
      ) : (
        <div className="space-y-10">
          {groups.map((group) => (
            <section key={group.id} aria-labelledby={`group-${group.slug}`}>
              <h2 id={`group-${group.slug}`} className="text-xl font-semibold text-slate-900">
                {group.name}
              </h2>
              {group.description && <p className="mt-1 text-sm text-slate-600">{group.description}</p>}
              <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {group.products.map((product) => (
                  <ProductCard key={product.id} product={product} href={storefrontPath(variant, `/products/${product.slug}`)} />
                ))}
              </div>
            </section>
          ))}
        </div>
      )}
    </>
  );
};

export default StorefrontPage;
