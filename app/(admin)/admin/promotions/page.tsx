import type { Metadata } from "next";
import { TextLink } from "@/components/admin/text-link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { requireStaff } from "@/server/auth";
import { listPromoCodes, type TPromoCodeRow } from "@/server/promotions/list-promo-codes";

export const metadata: Metadata = { title: "Promotions" };

const discountOf = (promo: TPromoCodeRow) =>
  promo.kind === "PERCENT"
    ? `${(promo.percentBasisPoints ?? 0) / 100} %`
    : promo.amounts.map((amount) => formatMoney(amount.amountCents, amount.currency)).join(" / ");
const appliesOf = (promo: TPromoCodeRow) =>
  promo.recurrence === "ONCE" ? "First invoice" : promo.recurrence === "FOREVER" ? "Every invoice" : `${promo.recurringCycles} invoices`;
const validityOf = (promo: TPromoCodeRow) =>
  !promo.startsAt && !promo.endsAt
    ? "Always"
    : `${promo.startsAt ? formatDate(promo.startsAt) : "now"} – ${promo.endsAt ? formatDate(new Date(promo.endsAt.getTime() - 1)) : "no end"}`;

const PromotionsPage = async ({ searchParams }: { searchParams: Promise<{ saved?: string }> }) => {
  await requireStaff("catalog.read");
  const [promos, query] = await Promise.all([listPromoCodes(), searchParams]);
  return (
    <>
      <PageHeader title="Promotions" description="Promo codes customers type at checkout." actions={<ButtonLink href="/admin/promotions/new">Add Promo Code</ButtonLink>} />
      <div className="space-y-4">
        {query.saved && <Alert tone="success">The promo code is saved.</Alert>}
        {promos.length === 0 ? (
          <EmptyState title="No promo codes yet">Add one to offer a discount at checkout.</EmptyState>
        ) : (
          <DataTable
            caption="Promo codes"
            rows={promos}
            rowKey={(promo) => promo.id}
            columns={[
              { header: "Code", cell: (promo) => <TextLink href={`/admin/promotions/${promo.id}`}>{promo.code}</TextLink> },
              { header: "Discount", cell: discountOf },
              { header: "Applies", cell: appliesOf },
              { header: "Valid", cell: validityOf },
              { header: "Uses", cell: (promo) => (promo.maxUses === null ? `${promo.uses}` : `${promo.uses} of ${promo.maxUses}`) },
              { header: "Status", cell: (promo) => (promo.isActive ? "Active" : "Inactive") },
            ]}
          />
        )}
      </div>
    </>
  );
};

export default PromotionsPage;
