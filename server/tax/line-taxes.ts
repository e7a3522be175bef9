import { z } from "zod";

/** The shape of InvoiceLine.taxes (JSON): each tax charged on the line, as it was charged. */
export const ZLineTaxes = z.array(z.object({ name: z.string(), rate: z.string(), amountCents: z.number().int() }));
export type TLineTaxes = z.infer<typeof ZLineTaxes>;

/** Reads a stored `taxes` column; anything unreadable is shown as no itemised taxes rather than breaking the page. */
export const readLineTaxes = (value: unknown): TLineTaxes => {
  const parsed = ZLineTaxes.safeParse(value);
  return parsed.success ? parsed.data : [];
};
