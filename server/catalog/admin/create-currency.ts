import "server-only";
import type { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { fieldError, staffActor } from "./catalog-admin-helpers";
import type { ZCreateCurrencyInput } from "./catalog-admin.schemas";

// NOTE: minor units are fixed once a currency exists: every stored amount in it is in those units. The first
// currency becomes the default, whose rate is 1 by definition (the other rates are relative to it).

/** Admin → Currencies → "Add Currency": prices missing in it are converted from the default currency at the rate. */
export const createCurrency = async ({ staffId, ...fields }: z.output<typeof ZCreateCurrencyInput> & { staffId: string }, client: typeof db = db) =>
  client.$transaction(async (tx) => {
    if (await tx.currency.findUnique({ where: { code: fields.code }, select: { code: true } })) throw fieldError("code", "This currency exists already.");
    const isDefault = (await tx.currency.count({ where: { isDefault: true } })) === 0;
    await tx.currency.create({ data: { ...fields, isDefault, exchangeRate: isDefault ? "1" : fields.exchangeRate } });
    await writeAuditEntry({ actor: staffActor(staffId), action: "currency.created", entity: { type: "Currency", id: fields.code }, after: { ...fields, isDefault } }, tx);
    return { code: fields.code, isDefault };
  });
