import "server-only";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";

export type ReserveStockOptions = { productIds: readonly string[] };

/**
 * Takes one unit of stock per ordered item, inside the order's transaction. Only products with a stock count
 * are touched. Each decrement is a guarded UPDATE (`… WHERE stockCount >= n`): PostgreSQL re-checks the condition
 * on the latest row version after waiting for a concurrent order's lock, so two checkouts can never both take
 * the last unit; the loser's order is refused (and rolled back with everything else). Products are updated in ID
 * order so concurrent multi-product orders lock rows in the same order and cannot deadlock.
 * Returns the products that sold out with this order, so the caller can refresh the cached storefront.
 */
export const reserveStock = async ({ productIds }: ReserveStockOptions, client: DbClient = db) => {
  const demand = new Map<string, number>();
  for (const productId of productIds) demand.set(productId, (demand.get(productId) ?? 0) + 1);
  const tracked = await client.product.findMany({
    where: { id: { in: [...demand.keys()] }, stockCount: { not: null } },
    orderBy: { id: "asc" },
    select: { id: true, name: true },
  });
  const soldOutProductIds: string[] = [];
  for (const product of tracked) {
    const quantity = demand.get(product.id)!;
    const [left] = await client.product.updateManyAndReturn({
      where: { id: product.id, stockCount: { gte: quantity } },
      data: { stockCount: { decrement: quantity } },
      select: { stockCount: true },
    });
    if (!left) {
      const message = `${product.name} is out of stock.`;
      throw new AppError("PRODUCT_UNAVAILABLE", { userMessage: message, fieldErrors: { items: [message] } });
    }
    if (left.stockCount === 0) soldOutProductIds.push(product.id);
  }
  return { soldOutProductIds };
};
