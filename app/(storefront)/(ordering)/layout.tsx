import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { StorefrontFrame } from "@/components/storefront/storefront-frame";
import { storefrontPath, storefrontVariant } from "@/lib/storefront-variants.mjs";
import { readCartCurrency } from "@/server/cart/cart-store";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";

// The cart and checkout, rendered per request in the visitor's language (the language cookie); "Products" leads
// back to the storefront in the cart's language and currency.
const OrderingLayout = async ({ children }: { children: ReactNode }) => {
  const [locale, currency] = await Promise.all([getLocale(), readCartCurrency()]);
  return (
    <StorefrontFrame locale={locale} namespaces={["Common", "Storefront", "Checkout", "Countries"]} homeHref={storefrontPath(storefrontVariant({ locale, currency, defaultCurrency: STOREFRONT_CURRENCY }), "/")}>
      {children}
    </StorefrontFrame>
  );
};

export default OrderingLayout;
