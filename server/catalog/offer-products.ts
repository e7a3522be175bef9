import "server-only";
import { type DbClient, db } from "@/server/db";
import type { ProductType } from "@/server/db/generated/enums";
import type { TOptionKind } from "./pricing/price-options";
import type { TStoredPrice } from "./pricing/resolve-cycle-prices";

export type TOfferProduct = {
  id: string;
  name: string;
  slug: string;
  type: ProductType;
  stockCount: number | null;
  prices: TStoredPrice[];
  addons: { id: string; name: string; slug: string; description: string; prices: TStoredPrice[] }[];
  options: {
    id: string;
    name: string;
    slug: string;
    kind: TOptionKind;
    minQuantity: number | null;
    maxQuantity: number | null;
    stepQuantity: number | null;
    values: { id: string; label: string; slug: string; prices: TStoredPrice[] }[];
  }[];
};

// NOTE: only fixed table and column names are interpolated; every value is a bind parameter.
const pricesOf = (table: string, key: string, owner: string) =>
  `COALESCE((
    SELECT json_agg(json_build_object('id', pr.id, 'cycle', pr.cycle, 'amountCents', pr."amountCents", 'setupFeeCents', pr."setupFeeCents", 'currency', pr.currency) ORDER BY pr.id)
    FROM "${table}" pr WHERE pr."${key}" = ${owner} AND pr.currency = ANY($2::text[])
  ), '[]'::json)`;

/**
 * The products an order or quote refers to, with everything that prices them in the given currencies: their
 * prices, their visible add-ons (with prices) and their options with values (with prices), add-ons, options and
 * values in display order. Only products whose group is visible. The same rows as a nested Prisma select, read
 * in ONE statement: Prisma's query compiler plans each nested select afresh on every call (about 5 ms of CPU
 * for these seven levels, measured for issue #9), and every quote and order reads this.
 */
export const readOfferProducts = async ({ productIds, currencies }: { productIds: readonly string[]; currencies: readonly string[] }, client: DbClient = db): Promise<TOfferProduct[]> => {
  if (productIds.length === 0) return [];
  const rows = await client.$queryRawUnsafe<{ product: TOfferProduct }[]>(
    `SELECT json_build_object(
       'id', p.id, 'name', p.name, 'slug', p.slug, 'type', p.type, 'stockCount', p."stockCount",
       'prices', ${pricesOf("Price", "productId", "p.id")},
       'addons', COALESCE((
         SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'slug', a.slug, 'description', a.description,
           'prices', ${pricesOf("AddonPrice", "addonId", "a.id")}) ORDER BY a.position, a.name)
         FROM "Addon" a JOIN "_AddonToProduct" link ON link."A" = a.id
         WHERE link."B" = p.id AND NOT a."isHidden"
       ), '[]'::json),
       'options', COALESCE((
         SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'slug', o.slug, 'kind', o.kind,
           'minQuantity', o."minQuantity", 'maxQuantity', o."maxQuantity", 'stepQuantity', o."stepQuantity",
           'values', COALESCE((
             SELECT json_agg(json_build_object('id', v.id, 'label', v.label, 'slug', v.slug,
               'prices', ${pricesOf("ConfigOptionPrice", "valueId", "v.id")}) ORDER BY v.position, v.label)
             FROM "ConfigOptionValue" v WHERE v."optionId" = o.id
           ), '[]'::json)) ORDER BY o.position, o.name)
         FROM "ConfigOption" o WHERE o."productId" = p.id
       ), '[]'::json)
     ) AS product
     FROM "Product" p JOIN "ProductGroup" g ON g.id = p."groupId"
     WHERE p.id = ANY($1::text[]) AND NOT g."isHidden"`,
    [...productIds],
    [...currencies],
  );
  return rows.map((row) => (typeof row.product === "string" ? JSON.parse(row.product) : row.product) as TOfferProduct);
};
