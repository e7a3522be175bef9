import Link from "next/link";
import { currencyVariant, storefrontPath } from "@/lib/storefront-variants.mjs";

type CurrencySwitchProps = {
  /** The shop's currencies, the default first. */
  currencies: readonly string[];
  current: string;
  /** The page in every variant: "/" or "/products/<slug>". */
  path: string;
};

/**
 * "Currency" on the cached storefront pages: plain links to the same page in each currency's variant, so the
 * page itself never reads a cookie. The chosen currency travels with "Add to Cart" into the cart and checkout.
 */
export const CurrencySwitch = ({ currencies, current, path }: CurrencySwitchProps) =>
  currencies.length < 2 ? null : (
    <nav aria-label="Currency" className="mb-4 flex items-center gap-2 text-sm text-slate-600">
      <span>Currency:</span>
      {currencies.map((code) =>
        code === current ? (
          <span key={code} aria-current="true" className="font-semibold text-slate-900">
            {code}
          </span>
        ) : (
          <Link key={code} href={storefrontPath(currencyVariant(code, currencies[0]!), path)} className="underline hover:text-brand-700">
            {code}
          </Link>
        ),
      )}
    </nav>
  );
