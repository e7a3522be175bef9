import en from "./i18n/messages/en.json";

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

// The English names (the admin area's); the storefront and client area read them from the message catalogs.
const CYCLE_LABELS: Record<TBillingCycle, string> = en.Common.cycles;

/** What one period is called next to a price: "$5.99 / month". */
const CYCLE_PERIODS: Record<TBillingCycle, string> = en.Common.periods;

export const billingCycleLabel = (cycle: TBillingCycle) => CYCLE_LABELS[cycle];

export const billingCyclePeriod = (cycle: TBillingCycle) => CYCLE_PERIODS[cycle];

/** Catalog order, shortest cycle first. */
export const compareBillingCycles = (a: TBillingCycle, b: TBillingCycle) => BILLING_CYCLES.indexOf(a) - BILLING_CYCLES.indexOf(b);
