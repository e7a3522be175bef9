import "server-only";
import { type DbClient, db } from "@/server/db";
import { formatInvoiceNumber } from "./invoice-number";

export const INVOICE_SEQUENCE_NAME = "invoice";
const DEFAULT_INVOICE_PREFIX = "INV-";

export type ClaimInvoiceNumberOptions = { sequenceName?: string };

/**
 * Takes the next number from the sequence row. Call it inside the issuing transaction: the increment locks
 * the row until commit, so concurrent issuers queue behind each other and get distinct, gap-free numbers
 * (a rolled-back transaction gives its number back). Never derive numbers from count() + 1, which races.
 */
export const claimInvoiceNumber = async ({ sequenceName = INVOICE_SEQUENCE_NAME }: ClaimInvoiceNumberOptions = {}, client: DbClient = db) => {
  const increment = () =>
    client.invoiceSequence.updateManyAndReturn({
      where: { name: sequenceName },
      data: { next: { increment: 1 } },
      select: { prefix: true, next: true },
    });
  let [sequence] = await increment();
  if (!sequence) {
    // NOTE: a fresh installation without the row: create it race-free (ON CONFLICT DO NOTHING), then claim.
    await client.invoiceSequence.createMany({
      data: [{ name: sequenceName, prefix: DEFAULT_INVOICE_PREFIX, next: 1 }],
      skipDuplicates: true,
    });
    [sequence] = await increment();
  }
  if (!sequence) {
    throw new Error(`Invoice sequence "${sequenceName}" could not be created`);
  }
  return formatInvoiceNumber({ prefix: sequence.prefix, value: sequence.next - 1 });
};
