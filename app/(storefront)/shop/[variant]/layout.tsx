import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { StorefrontFrame } from "@/components/storefront/storefront-frame";
import { isStorefrontVariant, storefrontPath, variantLocale } from "@/lib/storefront-variants.mjs";

// The cached storefront pages in the variant's language. setRequestLocale here and in each page (Next renders
// them independently) gives next-intl the language from the path, so no cookie or header is read.
const ShopLayout = async ({ children, params }: { children: ReactNode; params: Promise<{ variant: string }> }) => {
  const { variant } = await params;
  if (!isStorefrontVariant(variant)) notFound();
  const locale = variantLocale(variant);
  setRequestLocale(locale);
  return (
    <StorefrontFrame locale={locale} homeHref={storefrontPath(variant, "/")}>
      {children}
    </StorefrontFrame>
  );
};

export default ShopLayout;
