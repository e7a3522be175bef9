"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { resolveOffers, STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { OPTION_FIELD_PREFIX } from "@/lib/catalog-constants";
import { MAX_ADDONS_PER_ITEM, ZBillingCycle, ZOptionChoices } from "@/server/catalog/catalog.schemas";
import { MAX_CART_ITEMS, type TCartItem, toCartItem } from "./cart-cookie";
import { isPromoCodeShape, readCartCurrency, readCartItems, writeCartCurrency, writeCartItems, writeCartPromoCode } from "./cart-store";
import { normalizePromoCode } from "@/server/promotions/evaluate-promo-code";
import { cachedStorefrontCurrencies } from "@/server/catalog/storefront-catalog-cache";
import { DEFAULT_STOREFRONT_VARIANT, isStorefrontVariant, storefrontPath, variantCurrency, variantLocale } from "@/lib/storefront-variants.mjs";
import { writeLocaleCookie } from "@/server/i18n/locale-cookie";
import { safeText, ZRecordId } from "@/server/validation/safe-text";
import { resolveCart } from "./resolve-cart";

// Server actions for the plain storefront forms ("Add to Cart", "Remove"). They work without JavaScript.

const ZAddToCartForm = z.object({
  variant: z.string().refine(isStorefrontVariant),
  productId: ZRecordId,
  productSlug: safeText().min(1).max(120),
  cycle: ZBillingCycle,
  addonIds: z.array(ZRecordId).max(MAX_ADDONS_PER_ITEM),
  options: ZOptionChoices,
});

const optionChoicesOf = (formData: FormData) =>
  Object.fromEntries(
    [...formData.entries()].flatMap(([name, value]) =>
      name.startsWith(OPTION_FIELD_PREFIX) && typeof value === "string" ? [[name.slice(OPTION_FIELD_PREFIX.length), value]] : [],
    ),
  );

/** Stores only the references that still resolve, so stale lines leave the cookie on the next change. */
const keepAvailable = async (items: readonly TCartItem[], currency: string) => {
  const cart = await resolveCart({ items, currency });
  return cart.lines.map((line) => toCartItem(items[line.index]!));
};

export const addToCartAction = async (formData: FormData) => {
  const parsed = ZAddToCartForm.safeParse({
    variant: formData.get("variant") ?? DEFAULT_STOREFRONT_VARIANT,
    productId: formData.get("productId"),
    productSlug: formData.get("productSlug"),
    cycle: formData.get("cycle"),
    addonIds: formData.getAll("addonIds"),
    options: optionChoicesOf(formData),
  });
  if (!parsed.success) {
    const slug = safeText().min(1).max(120).safeParse(formData.get("productSlug"));
    const isBadChoice = parsed.error.issues.some((issue) => issue.path[0] === "addonIds" || issue.path[0] === "options");
    redirect(slug.success ? `/products/${encodeURIComponent(slug.data)}?error=${isBadChoice ? "invalid-choice" : "choose-cycle"}` : "/");
  }
  const { variant, productId, productSlug, cycle, addonIds, options } = parsed.data;
  const currency = variantCurrency(variant) ?? STOREFRONT_CURRENCY;
  const item = toCartItem({ productId, cycle, addonIds, options });
  const [resolution] = await resolveOffers({ refs: [item], currency });
  if (!resolution?.offer) {
    // NOTE: the page is cached, so it can only show fixed texts picked by code (see its ERROR_CODES).
    redirect(`${storefrontPath(variant, `/products/${encodeURIComponent(productSlug)}`)}?error=${resolution?.reason ?? "unavailable"}`);
  }
  // The whole cart follows the currency and language of the page the visitor last added from.
  await Promise.all([writeCartCurrency(currency), writeLocaleCookie(variantLocale(variant))]);
  const items = await keepAvailable(await readCartItems(), currency);
  if (items.length >= MAX_CART_ITEMS) {
    redirect("/cart?notice=full");
  }
  await writeCartItems([...items, item]);
  redirect("/cart?notice=added");
};

export const removeFromCartAction = async (formData: FormData) => {
  const index = z.coerce.number().int().min(0).max(MAX_CART_ITEMS).safeParse(formData.get("index"));
  const items = await readCartItems();
  const remaining = index.success ? items.filter((_, position) => position !== index.data) : items;
  await writeCartItems(await keepAvailable(remaining, await readCartCurrency()));
  redirect("/cart");
};

/** "Apply" next to the cart's Promo Code field (empty: "Remove"). The cart page checks the code and says why it is refused. */
export const applyCartPromoCodeAction = async (formData: FormData) => {
  const code = normalizePromoCode(String(formData.get("promoCode") ?? ""));
  // NOTE: codes are letters, digits, "-" and "_" (Admin → Promotions); anything else cannot be one.
  const isCode = code === "" || isPromoCodeShape(code);
  await writeCartPromoCode(isCode ? code : "");
  redirect(isCode ? "/cart" : "/cart?notice=promo-unknown");
};

/** "Currency" on the cart page: the cart is priced again in a currency the shop sells in. */
export const chooseCartCurrencyAction = async (formData: FormData) => {
  const currency = String(formData.get("currency") ?? "");
  if ((await cachedStorefrontCurrencies()).includes(currency)) {
    await writeCartCurrency(currency);
    await writeCartItems(await keepAvailable(await readCartItems(), currency));
  }
  redirect("/cart");
};

/** Called by the checkout wizard once the order is placed. */
export const clearCartAction = async () => {
  await Promise.all([writeCartItems([]), writeCartPromoCode("")]);
};
