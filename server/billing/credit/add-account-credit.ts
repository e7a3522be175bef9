import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export type AddAccountCreditOptions = { clientId: string; amountCents: number; description: string; staffId: string };

/**
 * Staff "Add Credit" on a client: a ledger entry and the balance, in the account's currency, with the audit
 * entry, all or nothing. Credit is spent by the Account Credit payment method at checkout (pay-from-credit.ts).
 */
export const addAccountCredit = async ({ clientId, amountCents, description, staffId }: AddAccountCreditOptions, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const account = await tx.client.findUnique({ where: { id: clientId }, select: { currency: true, creditBalanceCents: true } });
    if (!account) throw new AppError("NOT_FOUND", { userMessage: "This client does not exist." });
    const entry = await tx.creditEntry.create({
      data: { clientId, kind: "ADDED", amountCents, currency: account.currency, description, createdById: staffId },
      select: { id: true },
    });
    const { creditBalanceCents } = await tx.client.update({
      where: { id: clientId },
      data: { creditBalanceCents: { increment: amountCents } },
      select: { creditBalanceCents: true },
    });
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId },
        action: "client.credit-added",
        entity: { type: "Client", id: clientId },
        before: { creditBalanceCents: account.creditBalanceCents },
        after: { creditBalanceCents },
        details: { creditEntryId: entry.id, amountCents, currency: account.currency, description },
      },
      tx,
    );
    return { creditEntryId: entry.id, currency: account.currency, creditBalanceCents };
  });
