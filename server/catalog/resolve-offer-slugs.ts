import "server-only";
import type { TBillingCycle } from "@/lib/billing-cycles";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TOfferRef } from "./catalog-queries";

/** A cart item as the REST API names it: by slugs, with option values as the customer gives them. */
export type TSlugOfferRef = {
  product: string;
  cycle: TBillingCycle;
  quantity?: number;
  addons?: readonly string[];
  /** Option slug → a dropdown value's slug, a whole number (quantity), or yes/no (true/false). */
  options?: Readonly<Record<string, string | number | boolean>>;
};

type TSlugTarget = {
  id: string;
  slug: string;
  addons: { id: string; slug: string }[];
  options: { id: string; slug: string; kind: "DROPDOWN" | "QUANTITY" | "YES_NO"; values: { id: string; slug: string }[] }[];
};

/**
 * Whether the currency is one of the shop's, and the products of visible groups with these slugs, with their
 * visible add-ons and their options and values (IDs and slugs). One statement instead of a nested Prisma select
 * (five queries, planned afresh by the query compiler on every call: about 4 ms of CPU per quote, issue #9).
 */
const readSlugTargets = async ({ currency, slugs }: { currency: string; slugs: readonly string[] }, client: DbClient) => {
  const [row] = await client.$queryRawUnsafe<{ isCurrencyOffered: boolean; products: TSlugTarget[] | string }[]>(
    `SELECT EXISTS (SELECT 1 FROM "Currency" WHERE code = $1) AS "isCurrencyOffered",
       COALESCE((
         SELECT json_agg(json_build_object('id', p.id, 'slug', p.slug,
           'addons', COALESCE((
             SELECT json_agg(json_build_object('id', a.id, 'slug', a.slug))
             FROM "Addon" a JOIN "_AddonToProduct" link ON link."A" = a.id WHERE link."B" = p.id AND NOT a."isHidden"
           ), '[]'::json),
           'options', COALESCE((
             SELECT json_agg(json_build_object('id', o.id, 'slug', o.slug, 'kind', o.kind,
               'values', COALESCE((SELECT json_agg(json_build_object('id', v.id, 'slug', v.slug)) FROM "ConfigOptionValue" v WHERE v."optionId" = o.id), '[]'::json)))
             FROM "ConfigOption" o WHERE o."productId" = p.id
           ), '[]'::json)))
         FROM "Product" p JOIN "ProductGroup" g ON g.id = p."groupId"
         WHERE p.slug = ANY($2::text[]) AND NOT g."isHidden"
       ), '[]'::json) AS products`,
    currency,
    [...slugs],
  );
  const products = typeof row!.products === "string" ? (JSON.parse(row!.products) as TSlugTarget[]) : row!.products;
  return { isCurrencyOffered: row!.isCurrencyOffered, products };
};

/**
 * Maps slugs to the IDs the pricing use case takes (server/orders/quote-order.ts). Unknown slugs are refused
 * with a field error naming the item (`items.0.product`, `items.1.addons`, …); a quantity becomes that many
 * references. Products of hidden groups are not offered (resolveOffers refuses them).
 */
export const resolveOfferSlugs = async ({ items, currency }: { items: readonly TSlugOfferRef[]; currency: string }, client: DbClient = db): Promise<TOfferRef[]> => {
  const { isCurrencyOffered, products } = await readSlugTargets({ currency, slugs: [...new Set(items.map((item) => item.product))] }, client);
  const fields: Record<string, string[]> = {};
  if (!isCurrencyOffered) fields.currency = [`The currency ${currency} is not offered.`];
  const bySlug = new Map(products.map((product) => [product.slug, product]));
  const refs: TOfferRef[] = [];
  items.forEach((item, index) => {
    const product = bySlug.get(item.product);
    if (!product) {
      fields[`items.${index}.product`] = [`No product "${item.product}" is offered.`];
      return;
    }
    const addonIds: string[] = [];
    for (const slug of item.addons ?? []) {
      const addon = product.addons.find((candidate) => candidate.slug === slug);
      if (addon) addonIds.push(addon.id);
      else (fields[`items.${index}.addons`] ??= []).push(`No add-on "${slug}" is offered with ${item.product}.`);
    }
    const options: Record<string, string> = {};
    for (const [slug, given] of Object.entries(item.options ?? {})) {
      const option = product.options.find((candidate) => candidate.slug === slug);
      const key = `items.${index}.options.${slug}`;
      if (!option) {
        fields[key] = [`No option "${slug}" belongs to ${item.product}.`];
        continue;
      }
      if (option.kind === "DROPDOWN") {
        const value = option.values.find((candidate) => candidate.slug === String(given));
        if (value) options[option.id] = value.id;
        else fields[key] = [`"${String(given)}" is not a value of ${slug}.`];
      } else if (option.kind === "YES_NO") {
        options[option.id] = given === true ? "yes" : given === false ? "no" : String(given);
      } else {
        options[option.id] = String(given);
      }
    }
    const ref: TOfferRef = { productId: product.id, cycle: item.cycle, addonIds, options };
    for (let copy = 0; copy < (item.quantity ?? 1); copy++) refs.push(ref);
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("INVALID_INPUT", { userMessage: Object.values(fields)[0]![0], fieldErrors: fields });
  }
  return refs;
};
