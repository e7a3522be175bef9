import type { TBillingCycle } from "@/lib/billing-cycles";

/** Calendar months per cycle; null for cycles that never renew. */
const CYCLE_MONTHS: Record<TBillingCycle, number | null> = {
  MONTHLY: 1,
  QUARTERLY: 3,
  SEMI_ANNUALLY: 6,
  ANNUALLY: 12,
  BIENNIALLY: 24,
  TRIENNIALLY: 36,
  ONE_TIME: null,
  FREE: null,
};

/**
 * The end of one billing period that starts at `from` (the next due date), or null for ONE_TIME and FREE.
 * Periods follow the real calendar in UTC: Jan 31 + 1 month = Feb 28 (29 in leap years), never Mar 3.
 */
export const addBillingCycle = (from: Date, cycle: TBillingCycle): Date | null => {
  const months = CYCLE_MONTHS[cycle];
  if (months === null) return null;
  const targetMonth = from.getUTCMonth() + months;
  // NOTE: day 0 of the following month is the last day of the target month.
  const lastDayOfTarget = new Date(Date.UTC(from.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      from.getUTCFullYear(),
      targetMonth,
      Math.min(from.getUTCDate(), lastDayOfTarget),
      from.getUTCHours(),
      from.getUTCMinutes(),
      from.getUTCSeconds(),
      from.getUTCMilliseconds(),
    ),
  );
};
