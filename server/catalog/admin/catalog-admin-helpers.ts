import "server-only";
import type { TAuditActor } from "@/server/audit/write-audit-entry";
import type { DbClient } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TPriceGrid } from "./catalog-admin.schemas";

export const staffActor = (staffId: string): TAuditActor => ({ kind: "staff", staffId });

/** A business-rule refusal on one field: nothing was changed. */
export const fieldError = (field: string, message: string) =>
  new AppError("INVALID_INPUT", { userMessage: "Please correct the highlighted fields.", fieldErrors: { [field]: [message] } });

export const notFound = (what: string) => new AppError("NOT_FOUND", { userMessage: `This ${what} does not exist.` });

/** Every currency of a price grid must be one of Admin → Currencies. */
export const assertGridCurrencies = async (grid: TPriceGrid, client: DbClient) => {
  const codes = [...new Set(grid.map((cell) => cell.currency))];
  const known = await client.currency.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const unknown = codes.filter((code) => !known.some((row) => row.code === code));
  if (unknown.length > 0) throw fieldError("prices", `Add the currency ${unknown.join(", ")} under Admin → Currencies first.`);
};

type TStoredCell = { id: string; currency: string; cycle: string; amountCents: number; setupFeeCents: number };

/**
 * What turns the stored prices into the grid: cells to create, cells whose amounts change, and stored cells the
 * grid leaves out (no longer offered). Pure, so each priced thing (product, add-on, option value) applies it
 * with its own table.
 */
export const diffPriceGrid = <S extends TStoredCell>(stored: readonly S[], grid: TPriceGrid) => {
  const key = (cell: { currency: string; cycle: string }) => `${cell.currency}:${cell.cycle}`;
  const storedByKey = new Map(stored.map((cell) => [key(cell), cell]));
  const gridKeys = new Set(grid.map(key));
  return {
    create: grid.filter((cell) => !storedByKey.has(key(cell))),
    update: grid.flatMap((cell) => {
      const current = storedByKey.get(key(cell));
      return current && (current.amountCents !== cell.amountCents || current.setupFeeCents !== cell.setupFeeCents) ? [{ id: current.id, ...cell }] : [];
    }),
    remove: stored.filter((cell) => !gridKeys.has(key(cell))),
  };
};

/** The grid as an audit entry keeps it: "USD MONTHLY" → [amount, setup fee]. */
export const gridForAudit = (cells: readonly { currency: string; cycle: string; amountCents: number; setupFeeCents: number }[]) =>
  Object.fromEntries(cells.map((cell) => [`${cell.currency} ${cell.cycle}`, [cell.amountCents, cell.setupFeeCents]]));
