import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { requireContact } from "@/server/clients/require-contact";
import { getClientPackage } from "@/server/services/package-queries";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("ClientArea.package"))("title") });

const PackagePage = async ({ params }: { params: Promise<{ packageId: string }> }) => {
  const { clientId } = await requireContact("services");
  const { packageId } = await params;
  const found = await getClientPackage({ clientId, packageId });
  if (!found) {
    notFound();
  }
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const status = t(`ClientArea.statuses.${found.status}`);
  // What the client is told while there are no service details to show, by package status.
  const waitingText = found.status === "PENDING" || found.status === "WORK_IN_PROGRESS" ? t(`ClientArea.package.waiting.${found.status}`) : t("ClientArea.package.noDetails");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/client/packages" className="text-brand-700 underline">
          ← {t("ClientArea.nav.packages")}
        </Link>
      </p>
      <PageHeader title={found.product.name} actions={<StatusBadge status={found.status} label={status} />} />
      <div className="space-y-6">
        <Card title={t("ClientArea.package.summary")}>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-600">{t("ClientArea.packages.columns.packageId")}</dt>
            <dd>#{found.number}</dd>
            <dt className="font-medium text-slate-600">{t("ClientArea.package.name")}</dt>
            <dd>{found.product.name}</dd>
            <dt className="font-medium text-slate-600">{t("ClientArea.package.type")}</dt>
            <dd>{t(`ClientArea.productTypes.${found.product.type}`)}</dd>
            <dt className="font-medium text-slate-600">{t("ClientArea.packages.columns.status")}</dt>
            <dd>
              <StatusBadge status={found.status} label={status} />
            </dd>
            <dt className="font-medium text-slate-600">{t("ClientArea.packages.columns.price")}</dt>
            <dd>
              {formatMoney(found.priceCents, found.currency, locale)} ({t(`Common.cycles.${found.cycle}`)})
            </dd>
            <dt className="font-medium text-slate-600">{t("ClientArea.packages.columns.nextRenewal")}</dt>
            <dd>{found.nextDueAt ? formatDate(found.nextDueAt, locale) : t("ClientArea.package.renewalAfterActivation")}</dd>
            <dt className="font-medium text-slate-600">{t("ClientArea.package.ordered")}</dt>
            <dd>{formatDate(found.createdAt, locale)}</dd>
            {found.activatedAt && (
              <>
                <dt className="font-medium text-slate-600">{t("ClientArea.package.activated")}</dt>
                <dd>{formatDate(found.activatedAt, locale)}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card title={t("ClientArea.package.serviceDetails")}>
          {found.details ? (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium text-slate-600">{t("ClientArea.package.userName")}</dt>
              <dd className="font-mono">{found.details.username ?? "—"}</dd>
              <dt className="font-medium text-slate-600">{t("ClientArea.package.server")}</dt>
              <dd className="font-mono">{found.details.server ?? "—"}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-700">{waitingText}</p>
          )}
        </Card>
      </div>
    </>
  );
};

export default PackagePage;
