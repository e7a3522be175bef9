import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CartLineExtras } from "@/components/storefront/cart-line-extras";
import { DroppedItemsNotice } from "@/components/storefront/cart-notices";
import { SubmitButton } from "@/components/storefront/submit-button";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney } from "@/lib/format-money";
import { removeFromCartAction } from "@/server/cart/cart-actions";
import { readCartCurrency, readCartItems } from "@/server/cart/cart-store";
import { storefrontPath, storefrontVariant } from "@/lib/storefront-variants.mjs";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { resolveCart } from "@/server/cart/resolve-cart";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("Checkout"))("steps.orderContents") });

const NOTICE_TONES = { added: "success", full: "error" } as const;
const isNotice = (notice: string | undefined): notice is keyof typeof NOTICE_TONES => notice !== undefined && Object.hasOwn(NOTICE_TONES, notice);

const CartPage = async ({ searchParams }: { searchParams: Promise<{ notice?: string }> }) => {
  const { notice } = await searchParams;
  const [items, currency, locale, t] = await Promise.all([readCartItems(), readCartCurrency(), getLocale(), getTranslations()]);
  const cart = await resolveCart({ items, currency });
  // "Continue Shopping" and the product links return to the storefront in the cart's language and currency.
  const variant = storefrontVariant({ locale, currency, defaultCurrency: STOREFRONT_CURRENCY });
  const shopHref = storefrontPath(variant, "/");
  const money = (cents: number) => formatMoney(cents, cart.currency, locale);

  return (
    <>
      <PageHeader title={t("Checkout.steps.orderContents")} />
      <div className="space-y-4">
        {isNotice(notice) && <Alert tone={NOTICE_TONES[notice]}>{t(`Storefront.cartNotices.${notice}`)}</Alert>}
        <DroppedItemsNotice droppedCount={cart.droppedCount} />
        {cart.lines.length === 0 ? (
          <EmptyState title={t("Storefront.cartEmpty")}>
            <Link href={shopHref} className="font-medium text-brand-700 underline">
              {t("Storefront.browseProducts")}
            </Link>
          </EmptyState>
        ) : (
          <>
            <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">{t("Storefront.cartCaption")}</caption>
                <thead className="bg-slate-50 text-left">
                  <tr>
                    <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">{t("Common.product")}</th>
                    <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">{t("Common.billingCycle")}</th>
                    <th scope="col" className="px-4 py-2.5 text-right font-semibold text-slate-700">{t("Common.price")}</th>
                    <th scope="col" className="px-4 py-2.5 text-right font-semibold text-slate-700">{t("Common.setupFee")}</th>
                    <th scope="col" className="px-4 py-2.5"><span className="sr-only">{t("Common.actions")}</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {cart.lines.map((line) => (
                    <tr key={`${line.index}-${line.productId}-${line.cycle}`}>
                      <td className="px-4 py-3 text-left font-medium text-slate-900">
                        <Link href={storefrontPath(variant, `/products/${line.productSlug}`)} className="hover:underline">
                          {line.productName}
                        </Link>
                        <CartLineExtras line={line} />
                      </td>
                      <td className="px-4 py-3 text-slate-700">{t(`Common.cycles.${line.cycle}`)}</td>
                      <td className="px-4 py-3 text-right tabular-nums">{money(line.amountCents)}</td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {line.setupFeeCents > 0 ? money(line.setupFeeCents) : "—"}
                      </td>
                      <td className="px-4 py-3 text-right">
                        <form action={removeFromCartAction}>
                          <input type="hidden" name="index" value={line.index} />
                          <SubmitButton variant="ghost" aria-label={t("Storefront.removeItem", { product: line.productName, cycle: t(`Common.cycles.${line.cycle}`) })}>
                            {t("Storefront.remove")}
                          </SubmitButton>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="bg-slate-50">
                  <tr>
                    <th scope="row" colSpan={3} className="px-4 py-3 text-right font-semibold text-slate-900">
                      {t("Common.subtotal")}
                    </th>
                    <td className="px-4 py-3 text-right font-semibold tabular-nums text-slate-900">
                      {money(cart.subtotalCents)}
                    </td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className="text-sm text-slate-600">{t("Storefront.taxesAtCheckout")}</p>
          </>
        )}
        <div className="flex flex-wrap justify-end gap-3">
          <ButtonLink href={shopHref} variant="secondary">
            {t("Storefront.continueShopping")}
          </ButtonLink>
          {cart.lines.length > 0 && <ButtonLink href="/checkout">{t("Storefront.proceedWithPurchase")}</ButtonLink>}
        </div>
      </div>
    </>
  );
};

export default CartPage;
