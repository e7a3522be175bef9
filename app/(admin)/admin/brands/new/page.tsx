import type { Metadata } from "next";
import { BrandForm } from "@/components/admin/brand-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Add Brand" };

const NewBrandPage = async () => {
  await requireStaff("settings.manage");
  return (
    <>
      <PageHeader title="Add Brand" description={<TextLink href="/admin/brands">All brands</TextLink>} />
      <Card>
        <BrandForm />
      </Card>
    </>
  );
};

export default NewBrandPage;
