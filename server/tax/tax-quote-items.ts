import "server-only";
import type { ProductType } from "@/server/db/generated/client";
import { type DbClient, db } from "@/server/db";
import type { Cents } from "@/server/money/money";
import type { TTaxedLine } from "./compute-line-taxes";
import { type TCustomerTaxInput, quoteTaxes } from "./quote-taxes";
import type { TDocumentText } from "@/server/i18n/document-text";

type TUntaxedItem = { productType: ProductType; lines: readonly { amountCents: Cents }[] };
type TTaxedItem<I extends TUntaxedItem> = Omit<I, "lines"> & { lines: (I["lines"][number] & TTaxedLine & { taxName: string | null })[] };

/**
 * Taxes every line of every quoted item (product, setup fee, and any other line an item carries) with the
 * rules for the item's product type. A line's `amountCents` goes in as the catalog price and comes out as the
 * net amount (different only with tax-inclusive prices), with its taxes, their sum and a display name.
 */
export const taxQuoteItems = async <I extends TUntaxedItem>(
  { items, customer, now, text }: { items: readonly I[]; customer: TCustomerTaxInput; now: Date; text?: TDocumentText },
  client: DbClient = db,
) => {
  const tax = await quoteTaxes(
    { customer, lines: items.flatMap((item) => item.lines.map((line) => ({ priceCents: line.amountCents, productType: item.productType }))), now, text },
    client,
  );
  let next = 0;
  const taxedItems = items.map((item): TTaxedItem<I> => ({
    ...item,
    lines: item.lines.map((line: I["lines"][number]) => {
      const taxed = tax.lines[next++]!;
      return { ...line, ...taxed, taxName: taxed.taxes.map((charged) => charged.name).join(" + ") || null };
    }),
  }));
  return { items: taxedItems, reverseCharge: tax.reverseCharge, notes: tax.notes, vat: tax.vat };
};
