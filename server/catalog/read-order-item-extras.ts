import { z } from "zod";

const ZExtras = z.object({
  addons: z.array(z.object({ name: z.string() })).default([]),
  options: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
});

/**
 * OrderItem.extras (written by placeOrder, server/catalog/offer-lines.ts) as the package page lists them:
 * "Daily Backups", "Extra Storage: GB × 20". Items ordered before extras existed hold `{}`: nothing to list.
 */
export const readOrderItemExtras = (extras: unknown) => {
  const parsed = ZExtras.safeParse(extras ?? {});
  if (!parsed.success) return { addons: [], options: [] };
  return { addons: parsed.data.addons.map((addon) => addon.name), options: parsed.data.options.map((option) => `${option.name}: ${option.value}`) };
};
