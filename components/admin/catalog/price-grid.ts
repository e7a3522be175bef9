import { BILLING_CYCLES, billingCycleLabel, type TBillingCycle } from "@/lib/billing-cycles";
import { currencyDigits, parseMoneyInput } from "@/lib/parse-money";

export type TGridCurrency = { code: string; isDefault: boolean };
export type TPriceCell = { currency: string; cycle: TBillingCycle; amountCents: number; setupFeeCents: number };
/** What the inputs hold, by "<currency>:<cycle>": an empty price means "not offered". */
export type TPriceGridState = Record<string, { amount: string; setupFee: string }>;

export const cellKey = (currency: string, cycle: TBillingCycle) => `${currency}:${cycle}`;

const plain = (cents: number, currency: string) => (cents / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));

export const gridToState = (cells: readonly TPriceCell[]): TPriceGridState =>
  Object.fromEntries(cells.map((cell) => [cellKey(cell.currency, cell.cycle), { amount: plain(cell.amountCents, cell.currency), setupFee: plain(cell.setupFeeCents, cell.currency) }]));

/**
 * The typed grid → cells for the procedure, or the message of each bad input. An empty price leaves the cycle
 * out (not offered in that currency: converted from the default currency, if priced there); an empty setup fee is 0.
 */
export const stateToGrid = (state: TPriceGridState, currencies: readonly TGridCurrency[]) => {
  const cells: TPriceCell[] = [];
  const errors: Record<string, string> = {};
  for (const { code } of currencies) {
    for (const cycle of BILLING_CYCLES) {
      const key = cellKey(code, cycle);
      const entry = state[key];
      if (!entry || entry.amount.trim() === "") {
        if (entry?.setupFee.trim()) errors[key] = `${billingCycleLabel(cycle)} ${code}: enter a price for the setup fee, or clear it.`;
        continue;
      }
      const amountCents = parseMoneyInput(entry.amount, code);
      const setupFeeCents = entry.setupFee.trim() === "" ? 0 : parseMoneyInput(entry.setupFee, code);
      if (amountCents === null || setupFeeCents === null) {
        errors[key] = `${billingCycleLabel(cycle)} ${code}: enter amounts such as 9.99.`;
        continue;
      }
      cells.push({ currency: code, cycle, amountCents, setupFeeCents });
    }
  }
  return { cells, errors };
};
