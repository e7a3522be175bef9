import "server-only";
import { type DbClient, db } from "@/server/db";

/** What the promo code form offers: the currencies, and the products by group. */
export const promoFormOptions = async (client: DbClient = db) => {
  const [currencies, products] = await Promise.all([
    client.currency.findMany({ orderBy: [{ isDefault: "desc" }, { code: "asc" }], select: { code: true } }),
    client.product.findMany({ orderBy: [{ group: { position: "asc" } }, { position: "asc" }], select: { id: true, name: true, group: { select: { name: true } } } }),
  ]);
  return {
    currencies: currencies.map((currency) => currency.code),
    products: products.map((product) => ({ value: product.id, label: `${product.group.name}: ${product.name}` })),
    // NOTE: add-ons join the catalog with the catalog work; until then there are none to offer.
    addons: [] as { value: string; label: string }[],
  };
};
