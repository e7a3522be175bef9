import type { Metadata } from "next";
import { CheckoutWizard } from "@/components/storefront/checkout/checkout-wizard";
import { DroppedItemsNotice } from "@/components/storefront/cart-notices";
import { Alert } from "@/components/ui/alert";
import { getPrincipal } from "@/server/auth";
import { readCartItems } from "@/server/cart/cart-store";
import { resolveCart } from "@/server/cart/resolve-cart";

export const metadata: Metadata = { title: "Checkout" };

// NOTE: the wizard is always rendered at the same place, also for an empty cart: placing an order clears the
// cart cookie, which re-renders this page, and the wizard must keep its state to show the confirmation.
const CheckoutPage = async () => {
  const [principal, cart] = await Promise.all([getPrincipal(), readCartItems().then((items) => resolveCart({ items }))]);

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DroppedItemsNotice droppedCount={cart.droppedCount} />
      {principal?.kind === "client" && (
        // NOTE: ordering into an existing account is not built yet; say so instead of silently making a second one.
        <Alert tone="info">
          You are signed in as {principal.name}. Adding packages to an existing account from the storefront is coming soon;
          this checkout creates a new client account with a different e-mail address.
        </Alert>
      )}
      <CheckoutWizard
        cart={{
          currency: cart.currency,
          subtotalCents: cart.subtotalCents,
          lines: cart.lines.map((line) => ({
            key: `${line.index}-${line.productId}-${line.cycle}`,
            productId: line.productId,
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
