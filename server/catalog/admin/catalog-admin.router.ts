import "server-only";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { invalidateStorefrontCatalog } from "../storefront-catalog-cache";
import { ZUpdatePriceInput } from "./catalog-admin.schemas";
import { updatePrice } from "./update-price";

/** Staff catalog changes. Each invalidates the cached storefront pages once its change has committed. */
export const catalogAdminRouter = createTRPCRouter({
  updatePrice: staffProcedure("catalog.write").input(ZUpdatePriceInput).mutation(async ({ input, ctx }) => {
    const result = await updatePrice({ ...input, staffId: ctx.principal.staffId });
    invalidateStorefrontCatalog();
    return result;
  }),
});
