"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { findOffers } from "@/server/catalog/catalog-queries";
import { ZBillingCycle } from "@/server/catalog/catalog.schemas";
import { MAX_CART_ITEMS } from "./cart-cookie";
import { readCartItems, writeCartItems } from "./cart-store";
import { safeText, ZRecordId } from "@/server/validation/safe-text";
import { resolveCart } from "./resolve-cart";

// Server actions for the plain storefront forms ("Add to Cart", "Remove"). They work without JavaScript.

const ZAddToCartForm = z.object({ productId: ZRecordId, productSlug: safeText().min(1).max(120), cycle: ZBillingCycle });

/** Stores only the references that still resolve, so stale lines leave the cookie on the next change. */
const keepAvailable = async () => {
  const cart = await resolveCart({ items: await readCartItems() });
  return cart.lines.map(({ productId, cycle }) => ({ productId, cycle }));
};

export const addToCartAction = async (formData: FormData) => {
  const parsed = ZAddToCartForm.safeParse({
    productId: formData.get("productId"),
    productSlug: formData.get("productSlug"),
    cycle: formData.get("cycle"),
  });
  if (!parsed.success) {
    const slug = safeText().min(1).max(120).safeParse(formData.get("productSlug"));
    redirect(slug.success ? `/products/${encodeURIComponent(slug.data)}?error=choose-cycle` : "/");
  }
  const { productId, productSlug, cycle } = parsed.data;
  const [offer] = await findOffers({ refs: [{ productId, cycle }] });
  if (!offer) {
    redirect(`/products/${encodeURIComponent(productSlug)}?error=unavailable`);
  }
  const items = await keepAvailable();
  if (items.length >= MAX_CART_ITEMS) {
    redirect("/cart?notice=full");
  }
  await writeCartItems([...items, { productId, cycle }]);
  redirect("/cart?notice=added");
};

export const removeFromCartAction = async (formData: FormData) => {
  const index = z.coerce.number().int().min(0).max(MAX_CART_ITEMS).safeParse(formData.get("index"));
  const items = await readCartItems();
  const remaining = index.success ? items.filter((_, position) => position !== index.data) : items;
  const cart = await resolveCart({ items: remaining });
  await writeCartItems(cart.lines.map(({ productId, cycle }) => ({ productId, cycle })));
  redirect("/cart");
};

/** Called by the checkout wizard once the order is placed. */
export const clearCartAction = async () => {
  await writeCartItems([]);
};
