import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { dropStoredPages } from "@/server/storefront/page-response-store";
import { db } from "@/server/db";
import { getStorefrontProduct, listStorefrontGroups } from "./catalog-queries";

/**
 * The one cache tag of everything the storefront pages show from the catalog. The pages' cache entries carry
 * it (collected from the reads below while the page renders), so invalidating it drops the pages too.
 */
export const CATALOG_CACHE_TAG = "catalog";

// NOTE: a safety net for catalog changes made outside the app (SQL, another instance): a cached page is
// regenerated at most this many seconds after it was rendered. Changes made in the app invalidate at once.
export const CATALOG_REVALIDATE_SECONDS = 60;

const OPTIONS = { tags: [CATALOG_CACHE_TAG], revalidate: CATALOG_REVALIDATE_SECONDS };

/** The storefront home's catalog, from Next's data cache (only the storefront pages call these). */
export const cachedStorefrontGroups = unstable_cache(async (currency?: string) => listStorefrontGroups({ currency }), ["storefront-groups"], OPTIONS);

/** A product page's product, from Next's data cache. */
export const cachedStorefrontProduct = unstable_cache(async (slug: string, currency?: string) => getStorefrontProduct({ slug, currency }), ["storefront-product"], OPTIONS);

/** The currencies the shop sells in (Admin → Currencies), for the storefront's currency switch. */
export const cachedStorefrontCurrencies = unstable_cache(
  async () => (await db.currency.findMany({ orderBy: [{ isDefault: "desc" }, { code: "asc" }], select: { code: true } })).map((currency) => currency.code),
  ["storefront-currencies"],
  OPTIONS,
);

/**
 * Call after a catalog change has COMMITTED (prices, products, groups, visibility): the next request for any
 * storefront page renders it afresh (`expire: 0`: no stale page is served meanwhile). Calling it before the
 * commit could let a render that reads the old rows re-cache them. It works in route handlers (tRPC) and Server
 * Actions of this process; other instances see the change after CATALOG_REVALIDATE_SECONDS (README "Storefront
 * caching"). It also drops the copies of the pages' responses that the server sends without asking Next
 * (server/storefront/page-response-store.ts).
 */
export const invalidateStorefrontCatalog = () => {
  revalidateTag(CATALOG_CACHE_TAG, { expire: 0 });
  dropStoredPages();
};
