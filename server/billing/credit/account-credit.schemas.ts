import { z } from "zod";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

/** Staff "Add Credit" on a client's details page. */
export const ZAddAccountCreditInput = z.object({
  clientId: ZRecordId,
  /** Minor units of the account's currency; the form converts the typed amount with lib/parse-money. */
  amountCents: z.number({ error: "Enter the amount of credit." }).int("Enter a whole number of cents.").positive("Enter an amount greater than zero.").max(100_000_000, "Add at most 1,000,000.00 at a time."),
  description: safeText().trim().min(1, "Say why the credit is added, e.g. a prepayment or a goodwill credit.").max(200, "Use at most 200 characters."),
});
export type TAddAccountCreditInput = z.infer<typeof ZAddAccountCreditInput>;
