import { useTranslations } from "next-intl";
import Link from "next/link";
import type { TBillingCycle } from "@/lib/billing-cycles";
import { PriceLabel } from "./price-label";

type ProductCardProps = {
  product: {
    name: string;
    slug: string;
    description: string;
    inStock: boolean;
    prices: { id: string; cycle: TBillingCycle; amountCents: number; setupFeeCents: number; currency: string }[];
  };
  /** The product page in the same storefront variant (currency). */
  href: string;
};

export const ProductCard = ({ product, href }: ProductCardProps) => {
  const t = useTranslations();
  return (
  <article className="flex flex-col rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
    <h3 className="text-lg font-semibold text-slate-900">{product.name}</h3>
    {product.description && <p className="mt-1 text-sm text-slate-600">{product.description}</p>}
    <ul className="mt-4 space-y-1 text-sm" aria-label={t("Storefront.productPrices", { product: product.name })}>
      {product.prices.map((price) => (
        <li key={price.id}>
          <span className="text-slate-600">{t(`Common.cycles.${price.cycle}`)}: </span>
          <PriceLabel amountCents={price.amountCents} setupFeeCents={price.setupFeeCents} currency={price.currency} cycle={price.cycle} />
        </li>
      ))}
    </ul>
    <div className="mt-auto pt-5">
      {product.inStock ? (
      <Link
        href={href}
        className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        {t("Storefront.orderProduct", { product: product.name })}
      </Link>
      ) : (
        <p className="text-sm font-semibold text-red-700">{t("Storefront.outOfStock")}</p>
      )}
    </div>
  </article>
  );
};
