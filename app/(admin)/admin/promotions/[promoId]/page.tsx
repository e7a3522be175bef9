import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PromoCodeForm } from "@/components/admin/promo-code-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { findPromoCode } from "@/server/promotions/list-promo-codes";
import { promoFormOptions } from "@/server/promotions/promo-form-options";

export const metadata: Metadata = { title: "Edit Promo Code" };

const EditPromoCodePage = async ({ params }: { params: Promise<{ promoId: string }> }) => {
  await requireStaff("catalog.write");
  const { promoId } = await params;
  const [promo, options] = await Promise.all([findPromoCode({ id: promoId }), promoFormOptions()]);
  if (!promo) notFound();
  return (
    <>
      <PageHeader title={`Edit Promo Code ${promo.code}`} description={<><TextLink href="/admin/promotions">All promo codes</TextLink> · used {promo.uses} {promo.uses === 1 ? "time" : "times"}</>} />
      <Card>
        <PromoCodeForm promo={promo} {...options} />
      </Card>
    </>
  );
};

export default EditPromoCodePage;
