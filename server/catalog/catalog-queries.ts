import "server-only";
import { compareBillingCycles, type TBillingCycle } from "@/lib/billing-cycles";
import type { PRODUCT_TYPES } from "@/lib/catalog-constants";
import { type DbClient, db } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { BillingCycle, ProductType } from "@/server/db/generated/enums";
import { loadCurrencyContext, priceCurrencies } from "./currency-context";
import { readOfferProducts } from "./offer-products";
import { priceOptions, type TConfigOption, type TOptionChoices, type TPricedOption } from "./pricing/price-options";
import { findCyclePrice, resolveCyclePrices, type TCurrencyContext, type TStoredPrice } from "./pricing/resolve-cycle-prices";

// NOTE: compile-time guard that lib/billing-cycles.ts and the Prisma enum list the same cycles.
type IsSameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
export type TCyclesMatchPrisma = AssertTrue<IsSameUnion<TBillingCycle, BillingCycle>>;
export type TProductTypesMatchPrisma = AssertTrue<IsSameUnion<(typeof PRODUCT_TYPES)[number], ProductType>>;

/** The shop currency until multi-currency checkout exists; new clients are billed in it. */
export const STOREFRONT_CURRENCY = "USD";

const PRICE_SELECT = { id: true, cycle: true, amountCents: true, setupFeeCents: true, currency: true } as const;

const pricesIn = (context: TCurrencyContext) => ({ where: { currency: { in: priceCurrencies(context) } }, select: PRICE_SELECT });

const PRODUCT_SELECT = {
  id: true,
  name: true,
  slug: true,
  description: true,
  type: true,
  stockCount: true,
  group: { select: { name: true, slug: true } },
} as const;

const optionsSelect = (context: TCurrencyContext) =>
  ({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, slug: true, kind: true, minQuantity: true, maxQuantity: true, stepQuantity: true,
      values: { orderBy: [{ position: "asc" }, { label: "asc" }], select: { id: true, label: true, slug: true, prices: pricesIn(context) } },
    },
  }) satisfies Prisma.Product$optionsArgs;

const addonsSelect = (context: TCurrencyContext) =>
  ({
    where: { isHidden: false },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, description: true, prices: pricesIn(context) },
  }) satisfies Prisma.Product$addonsArgs;

/** A price as the storefront shows it: `id` is the stored row it comes from, converted when `isConverted`. */
const offeredPrices = (prices: readonly TStoredPrice[], context: TCurrencyContext) =>
  resolveCyclePrices(prices, context)
    .sort((a, b) => compareBillingCycles(a.cycle, b.cycle))
    .map(({ sourcePriceId, ...price }) => ({ id: sourcePriceId, ...price }));

const inStock = (stockCount: number | null) => stockCount === null || stockCount > 0;

/** What a visitor can buy: visible groups with their visible products that are priced in the currency. */
export const listStorefrontGroups = async ({ currency = STOREFRONT_CURRENCY }: { currency?: string } = {}, client: DbClient = db) => {
  const context = await loadCurrencyContext(currency, client);
  if (!context) return [];
  const groups = await client.productGroup.findMany({
    where: { isHidden: false },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      products: { where: { isHidden: false }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { ...PRODUCT_SELECT, prices: pricesIn(context) } },
    },
  });
  return groups
    .map((group) => ({
      ...group,
      products: group.products
        .map(({ stockCount, ...product }) => ({ ...product, inStock: inStock(stockCount), prices: offeredPrices(product.prices, context) }))
        .filter((product) => product.prices.length > 0),
    }))
    .filter((group) => group.products.length > 0);
};

/**
 * A product page, with its add-ons and configurable options priced per cycle. A hidden product is not listed
 * but its page answers (reachable by direct link only); a hidden group, an unknown slug or no price in the
 * currency → null.
 */
export const getStorefrontProduct = async ({ slug, currency = STOREFRONT_CURRENCY }: { slug: string; currency?: string }, client: DbClient = db) => {
  const context = await loadCurrencyContext(currency, client);
  if (!context) return null;
  const product = await client.product.findFirst({
    where: { slug, group: { isHidden: false } },
    select: { ...PRODUCT_SELECT, prices: pricesIn(context), addons: addonsSelect(context), options: optionsSelect(context) },
  });
  if (!product) return null;
  const prices = offeredPrices(product.prices, context);
  if (prices.length === 0) return null;
  const { stockCount, ...rest } = product;
  return {
    ...rest,
    inStock: inStock(stockCount),
    prices,
    addons: product.addons.map((addon) => ({ ...addon, prices: offeredPrices(addon.prices, context) })).filter((addon) => addon.prices.length > 0),
    options: product.options.map((option) => ({
      ...option,
      values: option.values.map((value) => ({ ...value, prices: offeredPrices(value.prices, context) })),
    })),
  };
};

export type TStorefrontProduct = NonNullable<Awaited<ReturnType<typeof getStorefrontProduct>>>;

export type TOfferRef = {
  productId: string;
  cycle: TBillingCycle;
  /** Add-ons attached to the product, by ID. */
  addonIds?: readonly string[];
  /** Configurable option choices by option ID (server/catalog/pricing/price-options.ts). */
  options?: TOptionChoices;
};

export type TOfferAddon = { addonId: string; addonName: string; amountCents: number; setupFeeCents: number };

export type TOffer = {
  productId: string;
  productName: string;
  productSlug: string;
  productType: ProductType;
  /** The stored price row the amounts come from (in the default currency when converted). */
  priceId: string;
  cycle: TBillingCycle;
  currency: string;
  amountCents: number;
  setupFeeCents: number;
  addons: TOfferAddon[];
  options: TPricedOption[];
};

/** Why a reference did not resolve: the storefront's cached pages pick a fixed text by it. */
export type TOfferProblemReason = "unavailable" | "out-of-stock" | "invalid-choice";

export type TOfferResolution = { offer: TOffer; problem: null; reason: null } | { offer: null; problem: string; reason: TOfferProblemReason };

const UNAVAILABLE_MESSAGE = "A product or billing cycle in your order is no longer available. Please review your cart and try again.";

/**
 * Resolves product/cycle/add-on/option references (from a cookie or a browser, so untrusted) against the
 * catalog and prices them in the currency, explicit prices first, converted from the default currency otherwise.
 * A reference resolves only when the product (listed or hidden) and its group are visible, the cycle is priced,
 * every add-on is attached to the product and priced in the cycle, every option choice is valid, and there is
 * stock left for it (counting earlier references to the same product). Results are in the order of the refs;
 * each unresolved one says why.
 */
export const resolveOffers = async ({ refs, currency = STOREFRONT_CURRENCY }: { refs: readonly TOfferRef[]; currency?: string }, client: DbClient = db): Promise<TOfferResolution[]> => {
  const context = await loadCurrencyContext(currency, client);
  if (!context) return refs.map(() => ({ offer: null, problem: "This currency is not offered.", reason: "unavailable" }));
  const productIds = [...new Set(refs.map((ref) => ref.productId))];
  const products = await readOfferProducts({ productIds, currencies: priceCurrencies(context) }, client);
  const productsById = new Map(products.map((product) => [product.id, product]));
  const demand = new Map<string, number>();
  return refs.map((ref): TOfferResolution => {
    const product = productsById.get(ref.productId);
    const price = product ? findCyclePrice(product.prices, context, ref.cycle) : null;
    if (!product || !price) return { offer: null, problem: UNAVAILABLE_MESSAGE, reason: "unavailable" };
    const wanted = (demand.get(product.id) ?? 0) + 1;
    if (product.stockCount !== null && wanted > product.stockCount) return { offer: null, problem: `${product.name} is out of stock.`, reason: "out-of-stock" };
    const addons: TOfferAddon[] = [];
    for (const addonId of new Set(ref.addonIds ?? [])) {
      const addon = product.addons.find((candidate) => candidate.id === addonId);
      const addonPrice = addon ? findCyclePrice(addon.prices, context, ref.cycle) : null;
      if (!addon || !addonPrice) return { offer: null, problem: `An add-on in your order is not offered with ${product.name} for this billing cycle.`, reason: "invalid-choice" };
      addons.push({ addonId, addonName: addon.name, amountCents: addonPrice.amountCents, setupFeeCents: addonPrice.setupFeeCents });
    }
    const options = priceOptions({ options: product.options as TConfigOption[], choices: ref.options ?? {}, cycle: ref.cycle, context });
    if (!options.ok) return { offer: null, problem: options.problem, reason: "invalid-choice" };
    demand.set(product.id, wanted);
    return {
      problem: null,
      reason: null,
      offer: {
        productId: product.id,
        productName: product.name,
        productSlug: product.slug,
        productType: product.type,
        priceId: price.sourcePriceId,
        cycle: price.cycle,
        currency: context.currency.code,
        amountCents: price.amountCents,
        setupFeeCents: price.setupFeeCents,
        addons,
        options: options.options,
      },
    };
  });
};

/** resolveOffers without the reasons: unavailable references map to null. */
export const findOffers = async (options: { refs: readonly TOfferRef[]; currency?: string }, client: DbClient = db) =>
  (await resolveOffers(options, client)).map((resolution) => resolution.offer);
