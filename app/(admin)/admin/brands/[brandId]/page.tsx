import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BrandForm } from "@/components/admin/brand-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { findBrand } from "@/server/brands/brand-queries";

export const metadata: Metadata = { title: "Edit Brand" };

const EditBrandPage = async ({ params }: { params: Promise<{ brandId: string }> }) => {
  await requireStaff("settings.manage");
  const brand = await findBrand({ id: (await params).brandId });
  if (!brand) notFound();
  return (
    <>
      <PageHeader title={`Edit Brand ${brand.name}`} description={<TextLink href="/admin/brands">All brands</TextLink>} />
      <Card>
        <BrandForm brand={brand} />
      </Card>
    </>
  );
};

export default EditBrandPage;
