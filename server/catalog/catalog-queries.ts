import "server-only";
import { compareBillingCycles, type TBillingCycle } from "@/lib/billing-cycles";
import { type DbClient, db } from "@/server/db";
import type { BillingCycle } from "@/server/db/generated/enums";

// NOTE: compile-time guard that lib/billing-cycles.ts and the Prisma enum list the same cycles.
type IsSameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
export type TCyclesMatchPrisma = AssertTrue<IsSameUnion<TBillingCycle, BillingCycle>>;

/** The shop currency until multi-currency checkout exists; new clients are billed in it. */
export const STOREFRONT_CURRENCY = "USD";

const PRICE_SELECT = { id: true, cycle: true, amountCents: true, setupFeeCents: true, currency: true } as const;

const PRODUCT_SELECT = {
  id: true,
  name: true,
  slug: true,
  description: true,
  type: true,
  group: { select: { name: true, slug: true } },
} as const;

const sortPrices = <P extends { cycle: TBillingCycle }>(prices: P[]) => [...prices].sort((a, b) => compareBillingCycles(a.cycle, b.cycle));

/** What a visitor can buy: visible groups with their visible products that have a price in the currency. */
export const listStorefrontGroups = async ({ currency = STOREFRONT_CURRENCY }: { currency?: string } = {}, client: DbClient = db) => {
  const groups = await client.productGroup.findMany({
    where: { isHidden: false },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      products: {
        where: { isHidden: false, prices: { some: { currency } } },
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { ...PRODUCT_SELECT, prices: { where: { currency }, select: PRICE_SELECT } },
      },
    },
  });
  return groups
    .map((group) => ({ ...group, products: group.products.map((product) => ({ ...product, prices: sortPrices(product.prices) })) }))
    .filter((group) => group.products.length > 0);
};

/** A product page: null when the product or its group is hidden, unknown, or has no price in the currency. */
export const getStorefrontProduct = async ({ slug, currency = STOREFRONT_CURRENCY }: { slug: string; currency?: string }, client: DbClient = db) => {
  const product = await client.product.findFirst({
    where: { slug, isHidden: false, group: { isHidden: false } },
    select: { ...PRODUCT_SELECT, prices: { where: { currency }, select: PRICE_SELECT } },
  });
  if (!product || product.prices.length === 0) return null;
  return { ...product, prices: sortPrices(product.prices) };
};

export type TOfferRef = { productId: string; cycle: TBillingCycle };

/**
 * Resolves product/cycle references (from a cookie or a browser, so untrusted) against the catalog.
 * A reference resolves only when the product and its group are visible and the cycle is priced in the currency.
 * Returns the offers in the order of the references; unavailable references map to null.
 */
export const findOffers = async ({ refs, currency = STOREFRONT_CURRENCY }: { refs: readonly TOfferRef[]; currency?: string }, client: DbClient = db) => {
  const productIds = [...new Set(refs.map((ref) => ref.productId))];
  const products = productIds.length
    ? await client.product.findMany({
        where: { id: { in: productIds }, isHidden: false, group: { isHidden: false } },
        select: { id: true, name: true, slug: true, type: true, prices: { where: { currency }, select: PRICE_SELECT } },
      })
    : [];
  const productsById = new Map(products.map((product) => [product.id, product]));
  return refs.map((ref) => {
    const product = productsById.get(ref.productId);
    const price = product?.prices.find((candidate) => candidate.cycle === ref.cycle);
    if (!product || !price) return null;
    return {
      productId: product.id,
      productName: product.name,
      productSlug: product.slug,
      productType: product.type,
      priceId: price.id,
      cycle: price.cycle,
      currency: price.currency,
      amountCents: price.amountCents,
      setupFeeCents: price.setupFeeCents,
    };
  });
};

export type TOffer = NonNullable<Awaited<ReturnType<typeof findOffers>>[number]>;
