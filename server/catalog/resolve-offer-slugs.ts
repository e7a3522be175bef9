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

/**
 * Maps slugs to the IDs the pricing use case takes (server/orders/quote-order.ts). Unknown slugs are refused
 * with a field error naming the item (`items.0.product`, `items.1.addons`, …); a quantity becomes that many
 * references. Products of hidden groups are not offered (resolveOffers refuses them).
 */
export const resolveOfferSlugs = async ({ items, currency }: { items: readonly TSlugOfferRef[]; currency: string }, client: DbClient = db): Promise<TOfferRef[]> => {
  const [currencyRow, products] = await Promise.all([
    client.currency.findUnique({ where: { code: currency }, select: { code: true } }),
    client.product.findMany({
      where: { slug: { in: [...new Set(items.map((item) => item.product))] }, group: { isHidden: false } },
      select: {
        id: true,
        slug: true,
        addons: { where: { isHidden: false }, select: { id: true, slug: true } },
        options: { select: { id: true, slug: true, kind: true, values: { select: { id: true, slug: true } } } },
      },
    }),
  ]);
  const fields: Record<string, string[]> = {};
  if (!currencyRow) fields.currency = [`The currency ${currency} is not offered.`];
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
