import "server-only";
import { type DbClient, db } from "@/server/db";

/** Every promo code, newest first, with what the list shows. */
export const listPromoCodes = async (client: DbClient = db) =>
  client.promoCode.findMany({ orderBy: { createdAt: "desc" }, include: { amounts: { orderBy: { currency: "asc" } } } });

export type TPromoCodeRow = Awaited<ReturnType<typeof listPromoCodes>>[number];

/** One code for its edit page, or null. */
export const findPromoCode = async ({ id }: { id: string }, client: DbClient = db) =>
  client.promoCode.findUnique({ where: { id }, include: { amounts: { orderBy: { currency: "asc" } } } });
