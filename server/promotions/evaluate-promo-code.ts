import type { TBillingCycle } from "@/lib/billing-cycles";
import { applyBasisPoints, assertCents, type Cents } from "@/server/money/money";

/** A promo code as pricing needs it (plain data: the same rules price a quote, a checkout and a test). */
export type TPromoRules = {
  code: string;
  kind: "PERCENT" | "FIXED";
  /** PERCENT: 1000 = 10.00 %. */
  percentBasisPoints: number | null;
  /** FIXED: the amount off each eligible line, by currency. */
  amounts: Readonly<Record<string, Cents>>;
  recurrence: "ONCE" | "RECURRING" | "FOREVER";
  recurringCycles: number | null;
  productIds: readonly string[];
  addonIds: readonly string[];
  cycles: readonly TBillingCycle[];
  startsAt: Date | null;
  endsAt: Date | null;
  maxUses: number | null;
  uses: number;
  oncePerClient: boolean;
  newClientsOnly: boolean;
  isActive: boolean;
};

/**
 * A priced line of a cart the code may discount. Product lines are the recurring amount of a product in a
 * cycle; add-on lines carry the add-on's id. Setup fees and configurable options are never discounted.
 */
export type TPromoLine = {
  key: string;
  kind: "product" | "addon" | "setup-fee" | "option";
  productId: string;
  addonId?: string;
  cycle: TBillingCycle;
  amountCents: Cents;
};

/** Who is ordering, as far as the limits care. */
export type TPromoCustomer = { isNewClient: boolean; hasUsedCode: boolean };

export type TPromoRefusal = "inactive" | "not-started" | "expired" | "used-up" | "new-clients-only" | "already-used" | "currency" | "not-applicable";

/** What the customer reads next to the promo code field, one reason each. */
export const PROMO_REFUSAL_MESSAGES: Record<TPromoRefusal | "unknown", string> = {
  unknown: "This code does not exist. Check the spelling and try again.",
  inactive: "This code is no longer available.",
  "not-started": "This code is not valid yet.",
  expired: "This code has expired.",
  "used-up": "This code has been used up.",
  "new-clients-only": "This code is only for new clients.",
  "already-used": "You have already used this code.",
  currency: "This code cannot be used in the currency of your order.",
  "not-applicable": "This code does not apply to anything in your cart.",
};

/**
 * Which refusal a message of PROMO_REFUSAL_MESSAGES is: pages in another language show the reason in theirs
 * (the quote's AppError carries the English message as the field error).
 */
export const promoRefusalOf = (message: string | undefined) =>
  (Object.entries(PROMO_REFUSAL_MESSAGES).find(([, text]) => text === message)?.[0] ?? "unknown") as TPromoRefusal | "unknown";

/** One line's discount: a negative amount, never more than the line. */
export type TPromoDiscount = { lineKey: string; amountCents: Cents };

export type TPromoResult =
  | { ok: true; discounts: TPromoDiscount[]; discountCents: Cents }
  | { ok: false; reason: TPromoRefusal; message: string };

const refuse = (reason: TPromoRefusal): TPromoResult => ({ ok: false, reason, message: PROMO_REFUSAL_MESSAGES[reason] });

const isEligible = (rules: TPromoRules, line: TPromoLine) => {
  if (rules.cycles.length > 0 && !rules.cycles.includes(line.cycle)) return false;
  if (line.kind === "product") return rules.productIds.length === 0 ? rules.addonIds.length === 0 : rules.productIds.includes(line.productId);
  if (line.kind === "addon") return line.addonId !== undefined && rules.addonIds.includes(line.addonId);
  return false;
};

/**
 * Decides whether a code applies to a cart, and by how much, line by line. A code limited to nothing applies to
 * every product line (not to add-ons, which must be named). Checks run in the order a customer would want to
 * hear them: the code's own state, then who orders, then the cart. Rounding happens once per line (half away
 * from zero), so the discount total is the sum of the rounded lines.
 * NOTE: `uses` here is only a first answer; the order's transaction takes the use with a guarded update
 * (redeem-promo-code.ts), which is what holds under concurrent checkouts.
 */
export const evaluatePromoCode = ({ rules, lines, currency, customer, now }: { rules: TPromoRules; lines: readonly TPromoLine[]; currency: string; customer: TPromoCustomer; now: Date }): TPromoResult => {
  if (!rules.isActive) return refuse("inactive");
  if (rules.startsAt && now < rules.startsAt) return refuse("not-started");
  if (rules.endsAt && now >= rules.endsAt) return refuse("expired");
  if (rules.maxUses !== null && rules.uses >= rules.maxUses) return refuse("used-up");
  if (rules.newClientsOnly && !customer.isNewClient) return refuse("new-clients-only");
  if (rules.oncePerClient && customer.hasUsedCode) return refuse("already-used");
  const fixedCents = rules.kind === "FIXED" ? rules.amounts[currency] : undefined;
  if (rules.kind === "FIXED" && fixedCents === undefined) return refuse("currency");

  const eligible = lines.filter((line) => isEligible(rules, line) && line.amountCents > 0);
  if (eligible.length === 0) return refuse("not-applicable");
  const discounts = eligible.map((line) => {
    const off = rules.kind === "PERCENT" ? applyBasisPoints(line.amountCents, assertCents(rules.percentBasisPoints ?? 0)) : Math.min(assertCents(fixedCents!), line.amountCents);
    return { lineKey: line.key, amountCents: -off };
  });
  return { ok: true, discounts, discountCents: discounts.reduce((total, discount) => total + discount.amountCents, 0) };
};

/** How many invoices of a package the code discounts, the first included (null: all of them). */
export const discountedInvoiceCount = (rules: Pick<TPromoRules, "recurrence" | "recurringCycles">) =>
  rules.recurrence === "ONCE" ? 1 : rules.recurrence === "RECURRING" ? (rules.recurringCycles ?? 1) : null;

/** Codes are typed in any case, with stray spaces; stored upper-case. */
export const normalizePromoCode = (code: string) => code.trim().toUpperCase();
