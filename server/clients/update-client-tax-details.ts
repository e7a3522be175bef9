import "server-only";
import { type TAuditActor, writeAuditEntry } from "@/server/audit/write-audit-entry";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isEuMemberState } from "@/server/tax/eu-vat-rates";
import { verifyVatNumber } from "@/server/tax/vies/verify-vat-number";
import type { TViesConfig } from "@/server/tax/vies/vies-client";
import { inTransaction } from "@/server/workflows/embedded/sql";

export type UpdateClientTaxDetailsOptions = {
  clientId: string;
  /** Omitted: unchanged (a client editing its own tax ID). */
  isTaxable?: boolean;
  taxId: string;
  actor: TAuditActor;
  now: Date;
  vies?: TViesConfig;
};

/** verifyVatNumber names its field `vatNumber` (checkout); here the field is the tax ID. */
const onTaxIdField = (error: unknown) =>
  error instanceof AppError && error.details.fieldErrors?.vatNumber
    ? new AppError("INVALID_INPUT", { userMessage: error.details.userMessage, fieldErrors: { taxId: error.details.fieldErrors.vatNumber } })
    : error;

/**
 * The tax details of a client account, edited by staff (details page) or by the client (dashboard). For an EU
 * client the tax ID is its VAT number: it is checked with VIES first and the answer kept as evidence. INVALID
 * refuses with a field error and changes nothing; UNAVAILABLE saves it (VAT stays charged as for a consumer
 * until a re-check, queued by the check, answers VALID). Outside the EU the number is kept as given.
 */
export const updateClientTaxDetails = async ({ clientId, isTaxable, taxId, actor, now, vies }: UpdateClientTaxDetailsOptions, client: DbClient = db) => {
  const current = await client.client.findUnique({ where: { id: clientId }, select: { country: true, isTaxable: true, taxId: true } });
  if (!current) throw new AppError("NOT_FOUND", { userMessage: "Client not found." });
  const vat =
    taxId && isEuMemberState(current.country)
      ? await verifyVatNumber({ vatNumber: taxId, billingCountry: current.country, now, ...(vies ? { vies } : {}) }, client).catch((error: unknown) => {
          throw onTaxIdField(error);
        })
      : null;
  if (vat?.status === "INVALID") {
    const message = "This VAT number is not valid according to VIES. Check it, or leave the field empty.";
    throw new AppError("INVALID_INPUT", { userMessage: message, fieldErrors: { taxId: [message] } });
  }
  const next = { isTaxable: isTaxable ?? current.isTaxable, taxId };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== current[key]);
  await inTransaction(client, async (tx) => {
    await tx.client.update({ where: { id: clientId }, data: next });
    if (changed.length === 0) return;
    await writeAuditEntry(
      {
        actor,
        action: "client.tax-details-updated",
        entity: { type: "client", id: clientId },
        before: Object.fromEntries(changed.map((key) => [key, current[key]])),
        after: Object.fromEntries(changed.map((key) => [key, next[key]])),
        ...(vat ? { details: { vies: vat.answer, consultationNumber: vat.check?.consultationNumber ?? null } } : {}),
      },
      tx,
    );
  });
  return {
    ...next,
    vat: vat ? { status: vat.status, consultationNumber: vat.check?.consultationNumber ?? null, checkedAt: vat.check?.checkedAt ?? null } : null,
  };
};
