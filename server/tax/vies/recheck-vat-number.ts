import "server-only";
import { type DbClient, db } from "@/server/db";
import { getTaxSettings } from "../tax-settings";
import { recordVatCheck } from "./verify-vat-number";
import { checkVatNumberWithVies, type TViesConfig, viesConfigFromEnv } from "./vies-client";

/**
 * One re-check from the recheck-vat-number workflow: asks VIES again for a number still waiting on an answer.
 * Returns null when there is nothing to do (the number was answered meanwhile, e.g. by a checkout).
 */
export const recheckVatNumber = async ({ vatNumberId, now, vies = viesConfigFromEnv() }: { vatNumberId: string; now: Date; vies?: TViesConfig }, client: DbClient = db) => {
  const stored = await client.vatNumber.findUnique({ where: { id: vatNumberId }, select: { country: true, number: true, status: true, verifiedAt: true } });
  if (!stored || stored.status !== "UNAVAILABLE") return null;
  const { seller } = await getTaxSettings(client);
  const answer = await checkVatNumberWithVies({ country: stored.country, number: stored.number, requesterVatNumber: seller.vatNumber }, vies);
  return recordVatCheck({ country: stored.country, number: stored.number, answer, requesterVatNumber: seller.vatNumber, now, queueRecheck: false }, client);
};
