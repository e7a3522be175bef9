import "server-only";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { listBrands } from "./brand-queries";
import { ZSaveBrandInput } from "./brands.schemas";
import { saveBrand } from "./save-brand";

/** Admin → Brands. */
export const brandsRouter = createTRPCRouter({
  list: staffProcedure("settings.read").query(() => listBrands()),
  save: staffProcedure("settings.manage").input(ZSaveBrandInput).mutation(({ input, ctx }) => saveBrand({ ...input, staffId: ctx.principal.staffId })),
});
