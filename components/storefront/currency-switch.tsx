import { useTranslations } from "next-intl";
import Link from "next/link";
import { storefrontPath, storefrontVariant, variantLocale } from "@/lib/storefront-variants.mjs";

type CurrencySwitchProps = {
  /** The shop's currencies, the default first. */
  currencies: readonly string[];
  current: string;
  /** The variant the page is in: the links keep its language. */
  variant: string;
  /** The page in every variant: "/" or "/products/<slug>". */
  path: string;
};

/**
 * "Currency" on the cached storefront pages: plain links to the same page in each currency's variant, so the
 * page itself never reads a cookie. The chosen currency travels with "Add to Cart" into the cart and checkout.
 */
export const CurrencySwitch = ({ currencies, current, variant, path }: CurrencySwitchProps) => {
  const t = useTranslations("Storefront");
  if (currencies.length < 2) return null;
  const locale = variantLocale(variant);
  return (
    <nav aria-label={t("currency")} className="mb-4 flex items-center gap-2 text-sm text-slate-600">
      <span>{t("currency")}:</span>
      {currencies.map((code) =>
        code === current ? (
          <span key={code} aria-current="true" className="font-semibold text-slate-900">
            {code}
          </span>
        ) : (
          <Link key={code} href={storefrontPath(storefrontVariant({ locale, currency: code, defaultCurrency: currencies[0]! }), path)} className="underline hover:text-brand-700">
            {code}
          </Link>
        ),
      )}
    </nav>
  );
};
