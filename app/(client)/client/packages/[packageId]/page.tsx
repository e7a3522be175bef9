import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { productTypeLabel } from "@/components/client/product-type-label";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { requireContact } from "@/server/clients/require-contact";
import { getClientPackage } from "@/server/services/package-queries";

export const metadata: Metadata = { title: "Package" };

/** What the client is told while there are no service details to show, by package status. */
const WAITING_TEXT: Partial<Record<string, string>> = {
  PENDING: "Your package is set up as soon as its first invoice is paid. Its service details will appear here.",
  WORK_IN_PROGRESS: "Your payment has arrived and the package is being set up. Its service details will appear here when it is active.",
};

const PackagePage = async ({ params }: { params: Promise<{ packageId: string }> }) => {
  const { clientId } = await requireContact("services");
  const { packageId } = await params;
  const found = await getClientPackage({ clientId, packageId });
  if (!found) {
    notFound();
  }

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/client/packages" className="text-brand-700 underline">
          ← Packages
        </Link>
      </p>
      <PageHeader title={found.product.name} actions={<StatusBadge status={found.status} />} />
      <div className="space-y-6">
        <Card title="Package Summary">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-600">Package ID</dt>
            <dd>#{found.number}</dd>
            <dt className="font-medium text-slate-600">Name</dt>
            <dd>{found.product.name}</dd>
            <dt className="font-medium text-slate-600">Type</dt>
            <dd>{productTypeLabel(found.product.type)}</dd>
            <dt className="font-medium text-slate-600">Status</dt>
            <dd>
              <StatusBadge status={found.status} />
            </dd>
            <dt className="font-medium text-slate-600">Price</dt>
            <dd>
              {formatMoney(found.priceCents, found.currency)} ({billingCycleLabel(found.cycle)})
            </dd>
            <dt className="font-medium text-slate-600">Next Renewal</dt>
            <dd>{found.nextDueAt ? formatDate(found.nextDueAt) : "Set when the package is activated"}</dd>
            <dt className="font-medium text-slate-600">Ordered</dt>
            <dd>{formatDate(found.createdAt)}</dd>
            {found.activatedAt && (
              <>
                <dt className="font-medium text-slate-600">Activated</dt>
                <dd>{formatDate(found.activatedAt)}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card title="Service Details">
          {found.details ? (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium text-slate-600">User Name</dt>
              <dd className="font-mono">{found.details.username ?? "—"}</dd>
              <dt className="font-medium text-slate-600">Server</dt>
              <dd className="font-mono">{found.details.server ?? "—"}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-700">{WAITING_TEXT[found.status] ?? "There are no service details for this package."}</p>
          )}
        </Card>
      </div>
    </>
  );
};

export default PackagePage;
