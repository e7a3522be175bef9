import type { Metadata } from "next";
import { PromoCodeForm } from "@/components/admin/promo-code-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { promoFormOptions } from "@/server/promotions/promo-form-options";

export const metadata: Metadata = { title: "Add Promo Code" };

const NewPromoCodePage = async () => {
  await requireStaff("catalog.write");
  const options = await promoFormOptions();
  return (
    <>
      <PageHeader title="Add Promo Code" description={<TextLink href="/admin/promotions">All promo codes</TextLink>} />
      <Card>
        <PromoCodeForm {...options} />
      </Card>
    </>
  );
};

export default NewPromoCodePage;
