import "server-only";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import { emitEvents } from "@/server/workflows/emit";
import { inTransaction } from "@/server/workflows/embedded/sql";
import { vatRecheckRequested } from "@/server/workflows/events";
import { getTaxSettings } from "../tax-settings";
import { parseVatNumber } from "../vat-number";
import { checkVatNumberWithVies, type TViesAnswer, type TViesConfig, viesConfigFromEnv } from "./vies-client";

export type VerifyVatNumberOptions = {
  vatNumber: string;
  billingCountry: string;
  now: Date;
  /** Reuse a VALID answer at most this old instead of asking VIES again (checkout: a day). 0 = always ask. */
  reuseValidForMs?: number;
  /** false: only ask (the quote at "Continue", which creates nothing); placing the order records the evidence. */
  record?: boolean;
  vies?: TViesConfig;
};

export const invalidVatNumberError = (message = "This VAT number is not valid according to VIES. Check it, or leave it empty to order as a consumer.") =>
  new AppError("INVALID_INPUT", { userMessage: message, fieldErrors: { vatNumber: [message] } });

/**
 * Records one VIES answer as evidence and updates the number's status, in one transaction. A VALID answer
 * marks the number verified for later invoices; UNAVAILABLE keeps an earlier verification (no answer is not a
 * "no") and queues a re-check (workflow recheck-vat-number); INVALID clears it.
 */
export const recordVatCheck = async (
  {
    country, number, answer, requesterVatNumber, now, queueRecheck = true,
  }: { country: string; number: string; answer: TViesAnswer; requesterVatNumber: string; now: Date; /** false inside the re-check run itself */ queueRecheck?: boolean },
  client: DbClient = db,
) =>
  inTransaction(client, async (tx) => {
    const existing = await tx.vatNumber.findUnique({ where: { country_number: { country, number } }, select: { status: true, verifiedAt: true } });
    const keepsVerification = answer.status === "UNAVAILABLE" && existing?.verifiedAt;
    const status = keepsVerification ? "VALID" : answer.status;
    const verifiedAt = answer.status === "VALID" ? now : answer.status === "INVALID" ? null : (existing?.verifiedAt ?? null);
    const vatNumber = await tx.vatNumber.upsert({
      where: { country_number: { country, number } },
      create: { country, number, status, verifiedAt, lastCheckedAt: now },
      update: { status, verifiedAt, lastCheckedAt: now },
      select: { id: true, status: true, verifiedAt: true },
    });
    const check = await tx.vatCheck.create({
      data: {
        vatNumberId: vatNumber.id,
        result: answer.status,
        consultationNumber: answer.consultationNumber,
        requesterVatNumber,
        errorCode: answer.errorCode,
        traderName: answer.traderName,
        traderAddress: answer.traderAddress,
        checkedAt: now,
      },
      select: { id: true, consultationNumber: true, checkedAt: true },
    });
    if (answer.status === "UNAVAILABLE" && queueRecheck) {
      // NOTE: one event per failed check, so a run that ended before this failure cannot swallow it as a duplicate.
      await emitEvents(vatRecheckRequested.create({ vatNumberId: vatNumber.id }, { id: `vat-recheck:${check.id}` }), tx);
    }
    return { vatNumberId: vatNumber.id, status: vatNumber.status, answer: answer.status, check };
  });

/**
 * Checks a VAT number with VIES (at checkout, and when staff or the client edit it) and keeps the evidence:
 * the number, the answer, the consultation number (our seller VAT number is the requester) and the date.
 * A malformed number is refused before asking VIES. The VIES call runs outside any transaction.
 * Callers refuse on INVALID (`invalidVatNumberError`) and go on for VALID and UNAVAILABLE.
 */
export const verifyVatNumber = async (
  { vatNumber, billingCountry, now, reuseValidForMs = 0, record = true, vies = viesConfigFromEnv() }: VerifyVatNumberOptions,
  client: DbClient = db,
) => {
  const parsed = parseVatNumber(vatNumber, billingCountry);
  if (!parsed) throw invalidVatNumberError("Enter the VAT number with its country prefix, e.g. DE123456789.");
  const stored = await client.vatNumber.findUnique({
    where: { country_number: parsed },
    select: { id: true, status: true, lastCheckedAt: true, checks: { orderBy: { checkedAt: "desc" }, take: 1, select: { id: true, consultationNumber: true, checkedAt: true } } },
  });
  const recent = stored?.status === "VALID" && now.getTime() - stored.lastCheckedAt.getTime() < reuseValidForMs ? stored.checks[0] : undefined;
  if (stored && recent) return { ...parsed, vatNumberId: stored.id, status: stored.status, answer: "VALID" as const, check: recent };
  const { seller } = await getTaxSettings(client);
  const answer = await checkVatNumberWithVies({ ...parsed, requesterVatNumber: seller.vatNumber }, vies);
  // NOTE: a number we never saw that VIES calls invalid is refused with nothing stored (bad input changes nothing);
  // a known number turning invalid is recorded, since its status changes.
  if ((answer.status === "INVALID" && !stored) || !record) {
    const status = answer.status === "UNAVAILABLE" && stored?.status === "VALID" ? ("VALID" as const) : answer.status;
    return { ...parsed, vatNumberId: stored?.id ?? null, status, answer: answer.status, check: null };
  }
  const recorded = await recordVatCheck({ ...parsed, answer, requesterVatNumber: seller.vatNumber, now }, client);
  return { ...parsed, ...recorded };
};

/** The checkout's use: a day-old VALID answer is reused; INVALID refuses with a field error on `vatNumber`. */
export const verifyVatNumberForOrder = async (
  { vatNumber, billingCountry, now, record = true }: { vatNumber: string; billingCountry: string; now: Date; record?: boolean },
  client: DbClient = db,
) => {
  const result = await verifyVatNumber({ vatNumber, billingCountry, now, record, reuseValidForMs: 24 * 60 * 60 * 1000 }, client);
  if (result.status === "INVALID") throw invalidVatNumberError();
  return result;
};
