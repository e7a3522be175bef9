import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/format-money";
import type { TOffer } from "@/server/catalog/catalog-queries";

/** The add-ons and options of a cart line with their amounts (setup fees in brackets); the subtotal includes them. */
export const CartLineExtras = ({ line }: { line: TOffer }) => {
  const t = useTranslations("Common");
  const locale = useLocale();
  const extras = [
    ...line.addons.map((addon) => ({ key: `a-${addon.addonId}`, label: addon.addonName, amountCents: addon.amountCents, setupFeeCents: addon.setupFeeCents })),
    ...line.options.map((option) => ({ key: `o-${option.optionId}`, label: `${option.optionName}: ${option.valueLabel}`, amountCents: option.amountCents, setupFeeCents: option.setupFeeCents })),
  ];
  if (extras.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs font-normal text-slate-600">
      {extras.map((extra) => (
        <li key={extra.key}>
          + {extra.label}: {formatMoney(extra.amountCents, line.currency, locale)}
          {extra.setupFeeCents > 0 && ` (${t("plusSetupFee", { amount: formatMoney(extra.setupFeeCents, line.currency, locale) })})`}
        </li>
      ))}
    </ul>
  );
};
