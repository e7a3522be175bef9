import type { Metadata } from "next";
import Link from "next/link";
import { CartLineExtras } from "@/components/storefront/cart-line-extras";
import { DroppedItemsNotice } from "@/components/storefront/cart-notices";
import { SubmitButton } from "@/components/storefront/submit-button";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { formatMoney } from "@/lib/format-money";
import { removeFromCartAction } from "@/server/cart/cart-actions";
import { readCartCurrency, readCartItems } from "@/server/cart/cart-store";
import { currencyVariant, storefrontPath } from "@/lib/storefront-variants.mjs";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { resolveCart } from "@/server/cart/resolve-cart";

export const metadata: Metadata = { title: "Order Contents" };

const NOTICES: Record<string, { tone: "success" | "error"; text: string }> = {
  added: { tone: "success", text: "The product has been added to your cart." },
  full: { tone: "error", text: "Your cart is full. Please place this order before adding more products." },
};

const CartPage = async ({ searchParams }: { searchParams: Promise<{ notice?: string }> }) => {
  const { notice } = await searchParams;
  const [items, currency] = await Promise.all([readCartItems(), readCartCurrency()]);
  const cart = await resolveCart({ items, currency });
  // "Continue Shopping" returns to the storefront in the cart's currency.
  const shopHref = storefrontPath(currencyVariant(currency, STOREFRONT_CURRENCY), "/");
  const shownNotice = notice ? NOTICES[notice] : undefined;

  return (
    <>
      <PageHeader title="Order Contents" />
      <div className="space-y-4">
        {shownNotice && <Alert tone={shownNotice.tone}>{shownNotice.text}</Alert>}
        <DroppedItemsNotice droppedCount={cart.droppedCount} />
        {cart.lines.length === 0 ? (
          <EmptyState title="Your cart is empty.">
            <Link href="/" className="font-medium text-brand-700 underline">
              Browse our products
            </Link>
          </EmptyState>
        ) : (
          <>
            <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Products in your cart</caption>
                <thead className="bg-slate-50 text-left">
                  <tr>
                    <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">Product</th>
                    <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">Billing Cycle</th>
                    <th scope="col" className="px-4 py-2.5 text-right font-semibold text-slate-700">Price</th>
                    <th scope="col" className="px-4 py-2.5 text-right font-semibold text-slate-700">Setup Fee</th>
                    <th scope="col" className="px-4 py-2.5"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {cart.lines.map((line) => (
                    <tr key={`${line.index}-${line.productId}-${line.cycle}`}>
                      <td className="px-4 py-3 text-left font-medium text-slate-900">
                        <Link href={`/products/${line.productSlug}`} className="hover:underline">
                          {line.productName}
                        </Link>
                        <CartLineExtras line={line} />
                      </td>
                      <td className="px-4 py-3 text-slate-700">{billingCycleLabel(line.cycle)}</td>
                      <td className="px-4 py-3 text-right tabular-nums">{formatMoney(line.amountCents, line.currency)}</td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {line.setupFeeCents > 0 ? formatMoney(line.setupFeeCents, line.currency) : "—"}
                      </td>
                      <td className="px-4 py-3 text-right">
                        <form action={removeFromCartAction}>
                          <input type="hidden" name="index" value={line.index} />
                          <SubmitButton variant="ghost" aria-label={`Remove ${line.productName} (${billingCycleLabel(line.cycle)})`}>
                            Remove
                          </SubmitButton>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="bg-slate-50">
                  <tr>
                    <th scope="row" colSpan={3} className="px-4 py-3 text-right font-semibold text-slate-900">
                      Subtotal
                    </th>
                    <td className="px-4 py-3 text-right font-semibold tabular-nums text-slate-900">
                      {formatMoney(cart.subtotalCents, cart.currency)}
                    </td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className="text-sm text-slate-600">Taxes are calculated at checkout from your billing address.</p>
          </>
        )}
        <div className="flex flex-wrap justify-end gap-3">
          <ButtonLink href={shopHref} variant="secondary">
            Continue Shopping
          </ButtonLink>
          {cart.lines.length > 0 && <ButtonLink href="/checkout">Proceed with Purchase</ButtonLink>}
        </div>
      </div>
    </>
  );
};

export default CartPage;
