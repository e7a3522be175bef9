import { db } from "@/server/db";
import { seedDemo } from "@/server/setup/seed-demo";

/**
 * The demo catalog (server/setup/seed-demo.ts), seeded through the real seeding code, with its product IDs.
 * Shared Hosting: Starter ($5.99 / month, $59.90 / year), Business ($14.99 / month + $10.00 setup,
 * $149.90 / year + $10.00 setup); Domains: .com ($12.99 / year). US sales tax 8.25 %.
 */
export const seedCatalog = async () => {
  await seedDemo();
  const products = await db.product.findMany({ select: { id: true, slug: true } });
  const idOf = (slug: string) => {
    const product = products.find((candidate) => candidate.slug === slug);
    if (!product) throw new Error(`Demo product ${slug} is missing`);
    return product.id;
  };
  return { starterId: idOf("starter"), businessId: idOf("business"), comDomainId: idOf("com-domain") };
};

export type TSeededCatalog = Awaited<ReturnType<typeof seedCatalog>>;
