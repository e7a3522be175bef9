import { useLocale, useTranslations } from "next-intl";
import type { TBillingCycle } from "@/lib/billing-cycles";
import { formatMoney } from "@/lib/format-money";

/** "$14.99 / month" and, when there is one, "+ $10.00 setup fee". */
export const PriceLabel = ({
  amountCents,
  setupFeeCents,
  currency,
  cycle,
}: {
  amountCents: number;
  setupFeeCents: number;
  currency: string;
  cycle: TBillingCycle;
}) => {
  const t = useTranslations("Common");
  const locale = useLocale();
  return (
    <span>
      <span className="font-semibold text-slate-900">{formatMoney(amountCents, currency, locale)}</span>
      <span className="text-slate-600"> / {t(`periods.${cycle}`)}</span>
      {setupFeeCents > 0 && <span className="text-slate-600"> {t("plusSetupFee", { amount: formatMoney(setupFeeCents, currency, locale) })}</span>}
    </span>
  );
};
