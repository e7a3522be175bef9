import type { Metadata } from "next";
import { ProductCard } from "@/components/storefront/product-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listStorefrontGroups } from "@/server/catalog/catalog-queries";

export const metadata: Metadata = { title: "Products" };
// NOTE: the catalog changes in the admin area; never serve a build-time snapshot of it.
export const dynamic = "force-dynamic";

const StorefrontPage = async () => {
  const groups = await listStorefrontGroups();
  return (
    <>
      <PageHeader title="Products" description="Choose a product to see its billing cycles and add it to your cart." />
      {groups.length === 0 ? (
        <EmptyState title="No products are on sale yet.">Please check back soon.</EmptyState>
      ) : (
        <div className="space-y-10">
          {groups.map((group) => (
            <section key={group.id} aria-labelledby={`group-${group.slug}`}>
              <h2 id={`group-${group.slug}`} className="text-xl font-semibold text-slate-900">
                {group.name}
              </h2>
              {group.description && <p className="mt-1 text-sm text-slate-600">{group.description}</p>}
              <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {group.products.map((product) => (
                  <ProductCard key={product.id} product={product} />
                ))}
              </div>
            </section>
          ))}
        </div>
      )}
    </>
  );
};

export default StorefrontPage;
