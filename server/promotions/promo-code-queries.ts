import "server-only";
import { type DbClient, db } from "@/server/db";
import { normalizePromoCode, type TPromoCustomer, type TPromoRules } from "./evaluate-promo-code";

/** The code's rules as pricing reads them, or null for a code that does not exist (any case, any spaces). */
export const findPromoRules = async ({ code }: { code: string }, client: DbClient = db): Promise<(TPromoRules & { id: string }) | null> => {
  const row = await client.promoCode.findUnique({ where: { code: normalizePromoCode(code) }, include: { amounts: true } });
  if (!row) return null;
  const { amounts, createdAt: _createdAt, description: _description, ...rules } = row;
  return { ...rules, amounts: Object.fromEntries(amounts.map((amount) => [amount.currency, amount.amountCents])) };
};

/**
 * What the "new clients only" and "once per client" limits need to know. A guest checkout creates a new
 * client, so it is new; a signed-in client is new until its first order.
 */
export const promoCustomerOf = async ({ promoCodeId, clientId }: { promoCodeId: string; clientId: string | null }, client: DbClient = db): Promise<TPromoCustomer> => {
  if (!clientId) return { isNewClient: true, hasUsedCode: false };
  const [orders, redemptions] = await Promise.all([
    client.order.count({ where: { clientId } }),
    client.promoRedemption.count({ where: { promoCodeId, clientId } }),
  ]);
  return { isNewClient: orders === 0, hasUsedCode: redemptions > 0 };
};
