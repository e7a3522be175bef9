import "server-only";
import type { DbClient } from "@/server/db";
import { Prisma as PrismaRuntime } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { PROMO_REFUSAL_MESSAGES, type TPromoRefusal } from "./evaluate-promo-code";

const refusal = (reason: TPromoRefusal) =>
  new AppError("INVALID_INPUT", { userMessage: PROMO_REFUSAL_MESSAGES[reason], fieldErrors: { promoCode: [PROMO_REFUSAL_MESSAGES[reason]] } });

/**
 * Takes one use of a code for an order, inside the order's transaction: the counter only moves while uses are
 * left (one guarded UPDATE, so two checkouts racing for the last use cannot both get it), and a once-per-client
 * code records a key the unique index lets in once per client. Either refusal throws, and the order's
 * transaction rolls back with nothing counted.
 */
export const redeemPromoCode = async (
  { promoCodeId, clientId, orderId, oncePerClient }: { promoCodeId: string; clientId: string; orderId: string; oncePerClient: boolean },
  tx: DbClient,
) => {
  const taken = await tx.$executeRaw`UPDATE "PromoCode" SET uses = uses + 1 WHERE id = ${promoCodeId} AND ("maxUses" IS NULL OR uses < "maxUses")`;
  if (taken === 0) throw refusal("used-up");
  try {
    await tx.promoRedemption.create({ data: { promoCodeId, clientId, orderId, oncePerClientKey: oncePerClient ? `${promoCodeId}:${clientId}` : null } });
  } catch (error) {
    if (error instanceof PrismaRuntime.PrismaClientKnownRequestError && error.code === "P2002") throw refusal("already-used");
    throw error;
  }
};
