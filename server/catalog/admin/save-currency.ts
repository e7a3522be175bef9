import "server-only";
import type { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { fieldError, notFound, staffActor } from "./catalog-admin-helpers";
import type { ZCreateCurrencyInput, ZUpdateCurrencyInput } from "./catalog-admin.schemas";

// NOTE: minor units are fixed once a currency exists: every stored amount in it is in those units. The default
// currency's rate is 1 by definition (other rates are relative to it), so it cannot be edited.

/** Admin → Currencies → "Add Currency": prices missing in it are converted from the default currency at the rate. */
export const createCurrency = async ({ staffId, ...fields }: z.output<typeof ZCreateCurrencyInput> & { staffId: string }, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    if (await tx.currency.findUnique({ where: { code: fields.code }, select: { code: true } })) throw fieldError("code", "This currency exists already.");
    const isDefault = (await tx.currency.count({ where: { isDefault: true } })) === 0;
    await tx.currency.create({ data: { ...fields, isDefault, exchangeRate: isDefault ? "1" : fields.exchangeRate } });
    await writeAuditEntry({ actor: staffActor(staffId), action: "currency.created", entity: { type: "Currency", id: fields.code }, after: { ...fields, isDefault } }, tx);
    return { code: fields.code, isDefault };
  });

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
