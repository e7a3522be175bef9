import { billingCyclePeriod, type TBillingCycle } from "@/lib/billing-cycles";
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
}) => (
  <span>
    <span className="font-semibold text-slate-900">{formatMoney(amountCents, currency)}</span>
    <span className="text-slate-600"> / {billingCyclePeriod(cycle)}</span>
    {setupFeeCents > 0 && <span className="text-slate-600"> + {formatMoney(setupFeeCents, currency)} setup fee</span>}
  </span>
);
