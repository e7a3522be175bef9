/**
 * Billing cycles as the UI names them. Mirrors the Prisma `BillingCycle` enum (checked at compile time in
 * server/catalog/catalog-queries.ts), kept here so client components never import generated Prisma code.
 */
export const BILLING_CYCLES = [
  "MONTHLY",
  "QUARTERLY",
  "SEMI_ANNUALLY",
  "ANNUALLY",
  "BIENNIALLY",
  "TRIENNIALLY",
  "ONE_TIME",
  "FREE",
] as const;

export type TBillingCycle = (typeof BILLING_CYCLES)[number];

const CYCLE_LABELS: Record<TBillingCycle, string> = {
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
  SEMI_ANNUALLY: "Semi-Annually",
  ANNUALLY: "Annually",
  BIENNIALLY: "Biennially",
  TRIENNIALLY: "Triennially",
  ONE_TIME: "One Time",
  FREE: "Free",
};

/** What one period is called next to a price: "$5.99 / month". */
const CYCLE_PERIODS: Record<TBillingCycle, string> = {
  MONTHLY: "month",
  QUARTERLY: "quarter",
  SEMI_ANNUALLY: "6 months",
  ANNUALLY: "year",
  BIENNIALLY: "2 years",
  TRIENNIALLY: "3 years",
  ONE_TIME: "one time",
  FREE: "free",
};

export const billingCycleLabel = (cycle: TBillingCycle) => CYCLE_LABELS[cycle];

export const billingCyclePeriod = (cycle: TBillingCycle) => CYCLE_PERIODS[cycle];

/** Catalog order, shortest cycle first. */
export const compareBillingCycles = (a: TBillingCycle, b: TBillingCycle) => BILLING_CYCLES.indexOf(a) - BILLING_CYCLES.indexOf(b);
