import "server-only";
import { AppError } from "@/server/errors";
import { createTRPCRouter, publicProcedure } from "@/server/trpc/init";
import { getStorefrontProduct, listStorefrontGroups } from "./catalog-queries";
import { ZGetProductInput } from "./catalog.schemas";

export const catalogRouter = createTRPCRouter({
  listGroups: publicProcedure.query(() => listStorefrontGroups()),
  getProduct: publicProcedure.input(ZGetProductInput).query(async ({ input }) => {
    const product = await getStorefrontProduct({ slug: input.slug });
    if (!product) {
      throw new AppError("NOT_FOUND", { userMessage: "This product is not available." });
    }
    return product;
  }),
});
