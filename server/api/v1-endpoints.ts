import "server-only";
import { z } from "zod";
import { BILLING_CYCLES } from "@/lib/billing-cycles";
import { getStorefrontProduct, listStorefrontGroups, STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { resolveOfferSlugs } from "@/server/catalog/resolve-offer-slugs";
import { now } from "@/server/clock";
import { quoteOrder } from "@/server/orders/quote-order";
import { quoteApiRateLimit } from "@/server/security/rate-limit";
import { verifyVatNumberForOrder } from "@/server/tax/vies/verify-vat-number";
import { defineEndpoint } from "./define-endpoint";

/** GET /api/v1/me — who the API key is. */
export const meEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me",
  summary: "The calling API key",
  description: "Proves `Authorization: Bearer hl_live_…`: the key's name, role and the permissions the role holds now.",
  access: "api-key",
  output: z.object({ name: z.string(), role: z.string(), permissions: z.array(z.string()) }),
  handle: async ({ apiKey }) => ({ name: apiKey!.name, role: apiKey!.roleName, permissions: [...apiKey!.permissions].sort() }),
});

const ZCycle = z.enum(BILLING_CYCLES);
const ZCurrencyCode = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Enter a three-letter currency code, e.g. USD.");
const ZCountryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Enter a two-letter ISO country code, e.g. NL.");
const ZApiPrice = z.object({ cycle: ZCycle, amountCents: z.int(), setupFeeCents: z.int() });
const apiPrices = (prices: readonly { cycle: (typeof BILLING_CYCLES)[number]; amountCents: number; setupFeeCents: number }[]) =>
  prices.map(({ cycle, amountCents, setupFeeCents }) => ({ cycle, amountCents, setupFeeCents }));

const ZCatalog = z.object({
  currency: z.string(),
  groups: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      products: z.array(
        z.object({
          slug: z.string(),
          name: z.string(),
          description: z.string().nullable(),
          type: z.string(),
          inStock: z.boolean(),
          prices: z.array(ZApiPrice),
          addons: z.array(z.object({ slug: z.string(), name: z.string(), description: z.string().nullable(), prices: z.array(ZApiPrice) })),
          options: z.array(
            z.object({
              slug: z.string(),
              name: z.string(),
              kind: z.enum(["DROPDOWN", "QUANTITY", "YES_NO"]),
              minQuantity: z.int().nullable(),
              maxQuantity: z.int().nullable(),
              stepQuantity: z.int().nullable(),
              values: z.array(z.object({ slug: z.string(), label: z.string(), prices: z.array(ZApiPrice) })),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** GET /api/v1/catalog — what the storefront sells, priced in a currency. */
export const catalogEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/catalog",
  summary: "The catalog",
  description: "Visible product groups with their products, add-ons, configurable options and prices per billing cycle, in `currency` (converted where a product has no explicit price in it).",
  access: "public",
  query: z.object({ currency: ZCurrencyCode.default(STOREFRONT_CURRENCY).meta({ description: "ISO 4217 code; the default currency when absent." }) }),
  output: ZCatalog,
  handle: async ({ query }) => {
    const groups = await listStorefrontGroups({ currency: query.currency });
    return {
      currency: query.currency,
      groups: await Promise.all(
        groups.map(async (group) => ({
          slug: group.slug,
          name: group.name,
          description: group.description,
          products: (
            await Promise.all(group.products.map((product) => getStorefrontProduct({ slug: product.slug, currency: query.currency })))
          ).flatMap((product) =>
            product
              ? [{
                  slug: product.slug, name: product.name, description: product.description, type: product.type, inStock: product.inStock, prices: apiPrices(product.prices),
                  addons: product.addons.map((addon) => ({ slug: addon.slug, name: addon.name, description: addon.description, prices: apiPrices(addon.prices) })),
                  options: product.options.map((option) => ({
                    slug: option.slug, name: option.name, kind: option.kind, minQuantity: option.minQuantity, maxQuantity: option.maxQuantity, stepQuantity: option.stepQuantity,
                    values: option.values.map((value) => ({ slug: value.slug, label: value.label, prices: apiPrices(value.prices) })),
                  })),
                }]
              : [],
          ),
        })),
      ),
    };
  },
});

export const ZQuoteRequest = z.object({
  currency: ZCurrencyCode,
  items: z
    .array(
      z.object({
        product: z.string().min(1, "Enter a product slug."),
        cycle: ZCycle,
        quantity: z.int().min(1).max(20).optional(),
        addons: z.array(z.string()).max(20).optional(),
        options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().meta({ description: "Option slug → a dropdown value's slug, a quantity, or true/false." }),
      }),
    )
    .min(1, "Add at least one item.")
    .max(50),
  promoCode: z.string().max(64).optional(),
  customer: z
    .object({
      country: ZCountryCode,
      state: z.string().trim().max(64).optional(),
      vatNumber: z.string().trim().max(32).optional(),
      isBusiness: z.boolean().optional(),
    })
    .optional(),
});

const KINDS = { PRODUCT: "product", SETUP_FEE: "setup-fee", ADDON: "addon", OPTION: "option", DISCOUNT: "discount" } as const;

export const ZQuoteAnswer = z.object({
  currency: z.string(),
  lines: z.array(
    z.object({
      kind: z.enum(["product", "setup-fee", "addon", "option", "discount"]),
      description: z.string(),
      product: z.string().meta({ description: "The product slug the line belongs to." }),
      amountCents: z.int(),
      taxes: z.array(z.object({ name: z.string(), rate: z.string().meta({ description: "A decimal string, e.g. \"21\" or \"9.975\" (percent)." }), amountCents: z.int() })),
    }),
  ),
  subtotalCents: z.int(),
  discountCents: z.int(),
  taxCents: z.int(),
  totalCents: z.int(),
  reverseCharge: z.boolean(),
  vat: z
    .object({
      number: z.string(),
      status: z.enum(["valid", "invalid", "unavailable", "not-checked"]),
      consultationNumber: z.string().optional(),
      checkedAt: z.iso.datetime().optional(),
    })
    .nullable(),
  notes: z.array(z.string()),
});

/** POST /api/v1/quote — prices a cart with the checkout's pricing use case; creates nothing. */
export const quoteEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/quote",
  summary: "Price a cart",
  description:
    "Prices items for a customer the way checkout and the first invoice do (setup fees, add-ons, options, promo code, taxes per line, EU VAT with VIES), without creating anything. Rate-limited per IP.",
  access: "public",
  rateLimit: quoteApiRateLimit,
  body: ZQuoteRequest,
  output: ZQuoteAnswer,
  handle: async ({ body }) => {
    const at = now();
    const items = await resolveOfferSlugs({ items: body.items, currency: body.currency });
    const customer = body.customer ?? { country: "" };
    const vatNumber = customer.vatNumber ?? "";
    // NOTE: VIES is asked, nothing is stored (as on the checkout's Order Summary); INVALID → a field error.
    const vat = vatNumber && customer.country ? await verifyVatNumberForOrder({ vatNumber, billingCountry: customer.country, now: at, record: false }) : null;
    const quote = await quoteOrder({
      items,
      currency: body.currency,
      country: customer.country,
      state: customer.state ?? "",
      customer: { vatNumber, isBusiness: customer.isBusiness ?? Boolean(vatNumber), isTaxable: true, ...(vat ? { vatStatus: vat.status } : {}) },
      promoCode: body.promoCode,
      now: at,
    });
    return {
      currency: quote.currency,
      lines: quote.items.flatMap((item) =>
        item.lines.map((line) => ({ kind: KINDS[line.kind], description: line.description, product: item.productSlug, amountCents: line.amountCents, taxes: line.taxes })),
      ),
      subtotalCents: quote.subtotalCents,
      discountCents: quote.discountCents,
      taxCents: quote.taxCents,
      totalCents: quote.totalCents,
      reverseCharge: quote.reverseCharge,
      vat: quote.vat ? { ...quote.vat, ...(quote.vat.checkedAt ? { checkedAt: quote.vat.checkedAt.toISOString() } : {}) } : null,
      notes: quote.notes,
    };
  },
});

/** Every endpoint, in the order the OpenAPI document lists them. */
export const V1_ENDPOINTS = [meEndpoint, catalogEndpoint, quoteEndpoint] as const;
