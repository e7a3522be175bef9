import "server-only";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { listPromoCodes } from "./list-promo-codes";
import { ZSavePromoCodeInput } from "./promotions.schemas";
import { savePromoCode } from "./save-promo-code";

/** Admin → Promotions. */
export const promotionsRouter = createTRPCRouter({
  list: staffProcedure("catalog.read").query(() => listPromoCodes()),
  save: staffProcedure("catalog.write").input(ZSavePromoCodeInput).mutation(({ input, ctx }) => savePromoCode({ ...input, staffId: ctx.principal.staffId })),
});
