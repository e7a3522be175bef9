import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { InvoiceTable } from "@/components/client/invoice-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/format-money";
import { requireContact } from "@/server/clients/require-contact";
import { getClientDashboard } from "@/server/clients/dashboard-queries";
import { TaxDetailsForm } from "@/components/clients/tax-details-form";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("ClientArea.nav"))("dashboard") });

const DashboardPage = async () => {
  const { clientId, name } = await requireContact("account", { redirectWithout: true });
  const { taxId, credit, balanceDue, packagesByStatus, recentInvoices } = await getClientDashboard({ clientId });
  const [t, locale] = await Promise.all([getTranslations("ClientArea"), getLocale()]);
  const unpaidInvoiceCount = balanceDue.reduce((count, due) => count + due.invoiceCount, 0);

  return (
    <>
      <PageHeader title={t("nav.dashboard")} description={t("dashboard.welcome", { name })} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("dashboard.unpaidInvoices")}>
          {balanceDue.length === 0 ? (
            <p className="text-sm text-slate-700">{t("dashboard.noUnpaidInvoices")}</p>
          ) : (
            <div className="space-y-1">
              {balanceDue.map((due) => (
                <p key={due.currency} className="text-2xl font-bold tabular-nums text-slate-900">
                  {formatMoney(due.dueCents, due.currency, locale)}
                </p>
              ))}
              <p className="text-sm text-slate-600">
                {t("dashboard.invoicesWaiting", { count: unpaidInvoiceCount })}{" "}
                <Link href="/client/invoices?sort=status&direction=desc" className="font-medium text-brand-700 underline">
                  {t("dashboard.viewInvoices")}
                </Link>
              </p>
            </div>
          )}
        </Card>
        <Card title={t("nav.packages")}>
          {packagesByStatus.length === 0 ? (
            <p className="text-sm text-slate-700">{t("packages.none")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {packagesByStatus.map((group) => (
                <li key={group.status} className="flex items-center justify-between gap-2">
                  <StatusBadge status={group.status} label={t(`statuses.${group.status}`)} />
                  <span className="tabular-nums text-slate-800">
                    {t("dashboard.packageCount", { count: group.count })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm">
            <Link href="/client/packages" className="font-medium text-brand-700 underline">
              {t("dashboard.viewPackages")}
            </Link>
          </p>
        </Card>
      </div>
      {credit.balanceCents > 0 && (
        <Card title={t("dashboard.accountCredit")} className="mt-4">
          <p className="text-2xl font-bold tabular-nums text-slate-900">{formatMoney(credit.balanceCents, credit.currency, locale)}</p>
          <p className="text-sm text-slate-600">{t("dashboard.accountCreditHint")}</p>
        </Card>
      )}
      <Card title={t("taxDetails.title")} className="mt-4">
        <TaxDetailsForm audience="client" taxId={taxId} />
      </Card>
      <section aria-labelledby="recent-invoices" className="mt-8">
        <h2 id="recent-invoices" className="mb-3 text-lg font-semibold text-slate-900">
          {t("dashboard.recentInvoices")}
        </h2>
        {recentInvoices.length === 0 ? (
          <EmptyState title={t("invoices.none")}>{t("invoices.noneHint")}</EmptyState>
        ) : (
          <InvoiceTable invoices={recentInvoices} />
        )}
      </section>
    </>
  );
};

export default DashboardPage;
