import { useLocale, useTranslations } from "next-intl";
import type { TBillingCycle } from "@/lib/billing-cycles";
import { formatMoney } from "@/lib/format-money";
import { quantityBounds } from "@/server/catalog/pricing/price-options";
import type { TStorefrontProduct } from "@/server/catalog/catalog-queries";
import { optionFieldName } from "@/lib/catalog-constants";

type TCyclePrice = { id: string; cycle: TBillingCycle; amountCents: number; setupFeeCents: number; currency: string };

/**
 * "Monthly $2.00, Annually $20.00 (+ $10.00 setup fee)": an extra's price for every cycle, because the page is
 * the same cached HTML for everyone and works without JavaScript, so it cannot follow the chosen cycle.
 */
const CyclePrices = ({ prices }: { prices: readonly TCyclePrice[] }) => {
  const t = useTranslations("Common");
  const locale = useLocale();
  return (
    <span className="text-slate-600">
      {prices
        .map((price) => `${t(`cycles.${price.cycle}`)} ${formatMoney(price.amountCents, price.currency, locale)}${price.setupFeeCents > 0 ? ` (${t("plusSetupFee", { amount: formatMoney(price.setupFeeCents, price.currency, locale) })})` : ""}`)
        .join(", ")}
    </span>
  );
};

/**
 * Add-ons and configurable options of the product form (a plain form: the server prices everything again).
 * Option defaults match the server's (first value, minimum quantity, no).
 */
export const ProductExtras = ({ product }: { product: TStorefrontProduct }) => {
  const t = useTranslations();
  const locale = useLocale();
  return (
  <>
    {product.addons.length > 0 && (
      <fieldset>
        <legend className="text-base font-semibold text-slate-900">{t("Storefront.addons")}</legend>
        <div className="mt-3 space-y-2">
          {product.addons.map((addon) => (
            <label key={addon.id} className="flex cursor-pointer items-start gap-3 rounded-md p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-500">
              <input type="checkbox" name="addonIds" value={addon.id} className="mt-0.5 size-4 accent-brand-600" />
              <span className="text-sm">
                <span className="block font-medium text-slate-900">{addon.name}</span>
                {addon.description && <span className="block text-slate-600">{addon.description}</span>}
                <CyclePrices prices={addon.prices} />
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    )}
    {product.options.length > 0 && (
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("Storefront.configurableOptions")}</legend>
        {product.options.map((option) => {
          const id = `option-${option.id}`;
          const value = option.values[0];
          if (option.kind === "DROPDOWN") {
            return (
              <div key={option.id} className="space-y-1">
                <label htmlFor={id} className="block text-sm font-medium text-slate-700">{option.name}</label>
                <select id={id} name={optionFieldName(option.id)} defaultValue={value?.id} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
                  {option.values.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.label}
                      {candidate.prices.some((price) => price.amountCents > 0) ? ` — ${candidate.prices.map((price) => `${t(`Common.cycles.${price.cycle}`)} ${formatMoney(price.amountCents, price.currency, locale)}`).join(", ")}` : ""}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          if (option.kind === "QUANTITY") {
            const { min, max, step } = quantityBounds(option);
            return (
              <div key={option.id} className="space-y-1">
                <label htmlFor={id} className="block text-sm font-medium text-slate-700">{option.name}{value ? ` (${value.label})` : ""}</label>
                <input id={id} type="number" name={optionFieldName(option.id)} min={min} max={max} step={step} defaultValue={min} aria-describedby={`${id}-hint`} className="block w-32 rounded-md border border-slate-300 px-3 py-2 text-sm" />
                <p id={`${id}-hint`} className="text-xs">
                  {t("Storefront.quantityRange", { min, max, step })}; {t("Storefront.each")}: {value && <CyclePrices prices={value.prices} />}
                </p>
              </div>
            );
          }
          return (
            <label key={option.id} className="flex items-start gap-3 text-sm">
              <input type="checkbox" name={optionFieldName(option.id)} value="yes" className="mt-0.5 size-4 accent-brand-600" />
              <span>
                <span className="block font-medium text-slate-900">{option.name}</span>
                {value && <CyclePrices prices={value.prices} />}
              </span>
            </label>
          );
        })}
      </fieldset>
    )}
  </>
  );
};
