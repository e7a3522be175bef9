import "server-only";
import { compareBillingCycles } from "@/lib/billing-cycles";
import { type DbClient, db } from "@/server/db";

const PRICE_SELECT = { currency: true, cycle: true, amountCents: true, setupFeeCents: true } as const;

const sortGrid = <P extends { currency: string; cycle: Parameters<typeof compareBillingCycles>[0] }>(prices: P[]) =>
  [...prices].sort((a, b) => a.currency.localeCompare(b.currency) || compareBillingCycles(a.cycle, b.cycle));

/** Admin → Currencies, default first; rates as exact decimal strings. */
export const listCurrencies = async (client: DbClient = db) => {
  const currencies = await client.currency.findMany({ orderBy: [{ isDefault: "desc" }, { code: "asc" }], select: { code: true, symbol: true, minorUnits: true, isDefault: true, exchangeRate: true } });
  return currencies.map((currency) => ({ ...currency, exchangeRate: currency.exchangeRate.toFixed() }));
};

/** Groups for the product form's "Product Group" choice. */
export const listGroupChoices = (client: DbClient = db) =>
  client.productGroup.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, slug: true, description: true, isHidden: true } });

/** One product as its edit page shows it: details, price grid, options with values and their grids. */
export const getAdminProduct = async (productId: string, client: DbClient = db) => {
  const product = await client.product.findUnique({
    where: { id: productId },
    select: {
      id: true, groupId: true, name: true, slug: true, type: true, description: true, isHidden: true, stockCount: true, welcomeEmailText: true,
      prices: { select: PRICE_SELECT },
      addons: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      options: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: {
          id: true, name: true, slug: true, kind: true, minQuantity: true, maxQuantity: true, stepQuantity: true,
          values: { orderBy: { position: "asc" }, select: { label: true, slug: true, prices: { select: PRICE_SELECT } } },
        },
      },
    },
  });
  if (!product) return null;
  return {
    ...product,
    prices: sortGrid(product.prices),
    options: product.options.map((option) => ({ ...option, values: option.values.map((value) => ({ ...value, prices: sortGrid(value.prices) })) })),
  };
};

export type TAdminProduct = NonNullable<Awaited<ReturnType<typeof getAdminProduct>>>;

/** Admin → Products → Add-ons: every add-on with the products it is offered with. */
export const listAdminAddons = (client: DbClient = db) =>
  client.addon.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, isHidden: true, products: { select: { name: true } }, prices: { select: PRICE_SELECT } },
  });

export const getAdminAddon = async (addonId: string, client: DbClient = db) => {
  const addon = await client.addon.findUnique({
    where: { id: addonId },
    select: { id: true, name: true, slug: true, description: true, isHidden: true, products: { select: { id: true } }, prices: { select: PRICE_SELECT } },
  });
  return addon ? { ...addon, productIds: addon.products.map((product) => product.id), prices: sortGrid(addon.prices) } : null;
};

/** Every product, for the add-on form's "Offered with" choice. */
export const listProductChoices = (client: DbClient = db) =>
  client.product.findMany({ orderBy: [{ group: { position: "asc" } }, { position: "asc" }, { name: "asc" }], select: { id: true, name: true, group: { select: { name: true } } } });
