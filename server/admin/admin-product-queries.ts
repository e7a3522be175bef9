import "server-only";
import { compareBillingCycles } from "@/lib/billing-cycles";
import { db, type DbClient } from "@/server/db";

/** The catalog as staff see it, hidden groups and products included: groups, products, prices per cycle, setup fees. */
export const listAdminProductGroups = async (client: DbClient = db) => {
  const groups = await client.productGroup.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, slug: true, description: true, isHidden: true,
      products: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: {
          id: true, name: true, slug: true, type: true, module: true, isHidden: true, stockCount: true,
          department: { select: { name: true } },
          prices: { select: { id: true, currency: true, cycle: true, amountCents: true, setupFeeCents: true } },
          _count: { select: { services: true } },
        },
      },
    },
  });
  return groups.map((group) => ({
    ...group,
    products: group.products.map(({ department, prices, _count, ...product }) => ({
      ...product,
      departmentName: department?.name ?? null,
      packageCount: _count.services,
      prices: [...prices].sort((a, b) => a.currency.localeCompare(b.currency) || compareBillingCycles(a.cycle, b.cycle)),
    })),
  }));
};
