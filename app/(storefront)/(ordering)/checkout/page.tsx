import type { Metadata } from "next";
import { CheckoutWizard } from "@/components/storefront/checkout/checkout-wizard";
import { DroppedItemsNotice } from "@/components/storefront/cart-notices";
import { getPrincipal } from "@/server/auth";
import { readCartCurrency, readCartItems, readCartPromoCode } from "@/server/cart/cart-store";
import { resolveCart } from "@/server/cart/resolve-cart";
import { getOrderingAccount } from "@/server/orders/ordering-account";

export const metadata: Metadata = { title: "Checkout" };

// NOTE: the wizard is always rendered at the same place, also for an empty cart: placing an order clears the
// cart cookie, which re-renders this page, and the wizard must keep its state to show the confirmation.
const CheckoutPage = async () => {
  const [items, chosenCurrency, promoCode, principal] = await Promise.all([readCartItems(), readCartCurrency(), readCartPromoCode(), getPrincipal()]);
  // A signed-in client orders into its account, priced in the account's currency; a guest in the one chosen.
  const account = principal?.kind === "client" ? await getOrderingAccount({ principal }) : null;
  const cart = await resolveCart({ items, currency: account?.currency ?? chosenCurrency });

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DroppedItemsNotice droppedCount={cart.droppedCount} />
      <CheckoutWizard
        account={account}
        promoCode={promoCode}
        cart={{
          currency: cart.currency,
          hasDomain: cart.lines.some((line) => line.productType === "DOMAIN"),
          subtotalCents: cart.subtotalCents,
          lines: cart.lines.map((line) => ({
            key: `${line.index}-${line.productId}-${line.cycle}`,
            productId: line.productId,
            // The stored choices are sent back with the order; the server prices them again.
            addonIds: items[line.index]?.addonIds,
            options: items[line.index]?.options,
            productName: line.productName,
            cycle: line.cycle,
            amountCents: line.amountCents,
            setupFeeCents: line.setupFeeCents,
          })),
        }}
      />
    </div>
  );
};

export default CheckoutPage;
