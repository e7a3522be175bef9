import type { TBillingCycle } from "@/lib/billing-cycles";
import { findCyclePrice, type TCurrencyContext, type TStoredPrice } from "./resolve-cycle-prices";

export type TOptionKind = "DROPDOWN" | "QUANTITY" | "YES_NO";

export type TConfigOption = {
  id: string;
  name: string;
  kind: TOptionKind;
  minQuantity: number | null;
  maxQuantity: number | null;
  stepQuantity: number | null;
  values: { id: string; label: string; prices: TStoredPrice[] }[];
};

/** What the customer chose, by option ID: a value ID (dropdown), a whole number (quantity), "yes"/"no". Untrusted. */
export type TOptionChoices = Readonly<Record<string, string>>;

export type TPricedOption = {
  optionId: string;
  optionName: string;
  valueId: string;
  /** What the line says: the dropdown value, "× 3" for a quantity, "Yes". */
  valueLabel: string;
  quantity: number;
  amountCents: number;
  setupFeeCents: number;
};

export type TOptionPricing = { ok: true; options: TPricedOption[] } | { ok: false; problem: string };

const QUANTITY = /^\d{1,6}$/;

/** The quantity bounds, with the defaults an option saved without them has: 0…100 in steps of 1. */
export const quantityBounds = (option: Pick<TConfigOption, "minQuantity" | "maxQuantity" | "stepQuantity">) => ({
  min: option.minQuantity ?? 0,
  max: option.maxQuantity ?? 100,
  step: option.stepQuantity ?? 1,
});

/** "Choose between 0 and 10 in steps of 2." — also the field error of the storefront and the quote. */
export const quantityRule = (option: TConfigOption) => {
  const { min, max, step } = quantityBounds(option);
  return `${option.name}: choose a number from ${min} to ${max}${step > 1 ? ` in steps of ${step}` : ""}.`;
};

/**
 * Prices a product's configurable options for one cycle from the customer's choices. An option left out takes
 * its default: the first dropdown value, the minimum quantity, "no". A choice for an option the product does
 * not have, an unknown value, a quantity outside its range/step, or a value not priced in the cycle is refused
 * with a message naming the option. Quantities multiply the per-unit price; "no" and quantity 0 add no line.
 */
export const priceOptions = (
  { options, choices, cycle, context }: { options: readonly TConfigOption[]; choices: TOptionChoices; cycle: TBillingCycle; context: TCurrencyContext },
): TOptionPricing => {
  const known = new Set(options.map((option) => option.id));
  if (Object.keys(choices).some((optionId) => !known.has(optionId))) {
    return { ok: false, problem: "An option in your order does not belong to this product." };
  }
  const priced: TPricedOption[] = [];
  for (const option of options) {
    const choice = choices[option.id];
    let value = option.values[0];
    let quantity = 1;
    let valueLabel = value?.label ?? "";
    if (option.kind === "DROPDOWN") {
      if (choice !== undefined) value = option.values.find((candidate) => candidate.id === choice);
      if (!value) return { ok: false, problem: `${option.name}: choose one of the values offered.` };
      valueLabel = value.label;
    } else if (option.kind === "QUANTITY") {
      const { min, max, step } = quantityBounds(option);
      quantity = choice === undefined ? min : QUANTITY.test(choice) ? Number(choice) : Number.NaN;
      if (!(quantity >= min && quantity <= max && (quantity - min) % step === 0)) return { ok: false, problem: quantityRule(option) };
      valueLabel = `${value?.label ?? option.name} × ${quantity}`;
      if (quantity === 0) continue;
    } else {
      if (choice !== undefined && choice !== "yes" && choice !== "no") return { ok: false, problem: `${option.name}: answer yes or no.` };
      if (choice !== "yes") continue;
      valueLabel = "Yes";
    }
    const price = value ? findCyclePrice(value.prices, context, cycle) : null;
    if (!value || !price) return { ok: false, problem: `${option.name} is not offered with this billing cycle.` };
    priced.push({
      optionId: option.id,
      optionName: option.name,
      valueId: value.id,
      valueLabel,
      quantity,
      amountCents: price.amountCents * quantity,
      setupFeeCents: price.setupFeeCents * quantity,
    });
  }
  return { ok: true, options: priced };
};
