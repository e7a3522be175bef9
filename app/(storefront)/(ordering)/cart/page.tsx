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
import { TextField } from "@/components/ui/field";
import { applyCartPromoCodeAction, chooseCartCurrencyAction, removeFromCartAction } from "@/server/cart/cart-actions";
import { readCartCurrency, readCartItems, readCartPromoCode } from "@/server/cart/cart-store";
import { previewCartPromo } from "@/server/cart/preview-cart-promo";
import { cachedStorefrontCurrencies } from "@/server/catalog/storefront-catalog-cache";
import { getPrincipal } from "@/server/auth";
import { now } from "@/server/clock";
import { storefrontPath, storefrontVariant } from "@/lib/storefront-variants.mjs";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { resolveCart } from "@/server/cart/resolve-cart";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("Checkout"))("steps.orderContents") });

const NOTICE_TONES = { added: "success", full: "error" } as const;
const isNotice = (notice: string | undefined): notice is keyof typeof NOTICE_TONES => notice !== undefined && Object.hasOwn(NOTICE_TONES, notice);

const CartPage = async ({ searchParams }: { searchParams: Promise<{ notice?: string }> }) => {
  const { notice } = await searchParams;
  const [items, currency, promoCode, currencies, principal, locale, t] = await Promise.all([
    readCartItems(), readCartCurrency(), readCartPromoCode(), cachedStorefrontCurrencies(), getPrincipal(), getLocale(), getTranslations(),
  ]);
  const cart = await resolveCart({ items, currency });
  const clientId = principal?.kind === "client" ? principal.clientId : null;
  const promo = promoCode && cart.lines.length > 0 ? await previewCartPromo({ items, currency: cart.currency, code: promoCode, clientId, now: now() }) : null;
  const promoRefusal = notice === "promo-unknown" ? "unknown" : promo && !promo.isApplied ? promo.refusal : null;
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
            {promo?.isApplied && (
              <p className="text-sm font-medium text-emerald-800">{t("Storefront.promoApplied", { code: promo.code, amount: money(promo.discountCents) })}</p>
            )}
            <p className="text-sm text-slate-600">{t("Storefront.taxesAtCheckout")}</p>
            <div className="flex flex-wrap items-start justify-between gap-6">
              <form action={applyCartPromoCodeAction} aria-label={t("Checkout.fields.promoCode")} className="flex flex-wrap items-start gap-2">
                <TextField
                  label={t("Checkout.fields.promoCode")}
                  name="promoCode"
                  autoComplete="off"
                  defaultValue={promoCode}
                  maxLength={40}
                  error={promoRefusal ? t(`Storefront.promoRefusals.${promoRefusal}`) : undefined}
                  className="w-56"
                />
                <div className="flex gap-2 pt-6">
                  <SubmitButton variant="secondary">{t("Storefront.applyPromo")}</SubmitButton>
                </div>
              </form>
              {currencies.length > 1 && (
                <form action={chooseCartCurrencyAction} aria-label={t("Storefront.currency")} className="space-y-1">
                  <p className="text-sm font-medium text-slate-700">{t("Storefront.currency")}</p>
                  <div className="flex gap-2">
                    {currencies.map((code) => (
                      <button
                        key={code}
                        type="submit"
                        name="currency"
                        value={code}
                        aria-pressed={code === cart.currency}
                        className="rounded-md px-3 py-1.5 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50 aria-pressed:bg-brand-600 aria-pressed:text-white aria-pressed:ring-brand-600"
                      >
                        {code}
                      </button>
                    ))}
                  </div>
                </form>
              )}
            </div>
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
