import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TBillingCycle } from "@/lib/billing-cycles";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import type { TClientStatus } from "./client-status";

export type TPackageRow = {
  id: string;
  number: number;
  status: TClientStatus;
  cycle: TBillingCycle;
  currency: string;
  priceCents: number;
  nextDueAt: Date | null;
  product: { name: string };
};

/** Package ID, product, price, billing cycle, next renewal date, status and "Manage", as in the client guide. */
export const PackageTable = ({ packages }: { packages: TPackageRow[] }) => {
  const t = useTranslations();
  const locale = useLocale();
  const headers = ["packageId", "product", "price", "billingCycle", "nextRenewal", "status"] as const;
  return (
  <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
    <table className="min-w-full divide-y divide-slate-200 text-sm">
      <caption className="sr-only">{t("ClientArea.nav.packages")}</caption>
      <thead className="bg-slate-50 text-left">
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
              {t(`ClientArea.packages.columns.${header}`)}
            </th>
          ))}
          <th scope="col" className="px-4 py-2.5">
            <span className="sr-only">{t("Common.actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {packages.map((item) => (
          <tr key={item.id} className="hover:bg-slate-50">
            <td className="px-4 py-2.5 tabular-nums">#{item.number}</td>
            <td className="px-4 py-2.5 font-medium text-slate-900">{item.product.name}</td>
            <td className="px-4 py-2.5 tabular-nums">{formatMoney(item.priceCents, item.currency, locale)}</td>
            <td className="px-4 py-2.5">{t(`Common.cycles.${item.cycle}`)}</td>
            <td className="px-4 py-2.5">{item.nextDueAt ? formatDate(item.nextDueAt, locale) : <span className="text-slate-500">{t("ClientArea.packages.afterActivation")}</span>}</td>
            <td className="px-4 py-2.5">
              <StatusBadge status={item.status} label={t(`ClientArea.statuses.${item.status}`)} />
            </td>
            <td className="px-4 py-2.5 text-right">
              <Link href={`/client/packages/${item.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {t("ClientArea.packages.manage")}<span className="sr-only"> {t("ClientArea.packages.manageWhich", { number: item.number })}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
  );
};
