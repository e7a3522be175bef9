import "server-only";
import type { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { fieldError, notFound, staffActor } from "./catalog-admin-helpers";
import type { ZUpdateCurrencyInput } from "./catalog-admin.schemas";

// NOTE: the default currency's rate is 1 by definition (the other rates are relative to it), so it cannot change.

/** Admin → Currencies → "Save": symbol and exchange rate; the next quote and storefront render use the new rate. */
export const updateCurrency = async ({ staffId, code, ...fields }: z.output<typeof ZUpdateCurrencyInput> & { staffId: string }, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    const before = await tx.currency.findUnique({ where: { code }, select: { symbol: true, exchangeRate: true, isDefault: true } });
    if (!before) throw notFound("currency");
    if (before.isDefault && fields.exchangeRate !== before.exchangeRate.toFixed() && !/^1(?:\.0*)?$/.test(fields.exchangeRate)) {
      throw fieldError("exchangeRate", "The default currency's rate is always 1; the other rates are relative to it.");
    }
    const exchangeRate = before.isDefault ? "1" : fields.exchangeRate;
    await tx.currency.update({ where: { code }, data: { symbol: fields.symbol, exchangeRate } });
    await writeAuditEntry(
      {
        actor: staffActor(staffId), action: "currency.updated", entity: { type: "Currency", id: code },
        before: { symbol: before.symbol, exchangeRate: before.exchangeRate.toFixed() }, after: { symbol: fields.symbol, exchangeRate },
      },
      tx,
    );
    return { code, symbol: fields.symbol, exchangeRate };
  });
