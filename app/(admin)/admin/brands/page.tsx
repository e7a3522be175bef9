import type { Metadata } from "next";
import { TextLink } from "@/components/admin/text-link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { listBrands } from "@/server/brands/brand-queries";

export const metadata: Metadata = { title: "Brands" };

const BrandsPage = async ({ searchParams }: { searchParams: Promise<{ saved?: string }> }) => {
  await requireStaff("settings.read");
  const [brands, query] = await Promise.all([listBrands(), searchParams]);
  return (
    <>
      <PageHeader title="Brands" description="Each client belongs to one brand: its mails and documents carry it." actions={<ButtonLink href="/admin/brands/new">Add Brand</ButtonLink>} />
      <div className="space-y-4">
        {query.saved && <Alert tone="success">The brand is saved.</Alert>}
        <DataTable
          caption="Brands"
          rows={brands}
          rowKey={(brand) => brand.id}
          columns={[
            { header: "Brand", cell: (brand) => <TextLink href={`/admin/brands/${brand.id}`}>{brand.name}</TextLink> },
            { header: "Default", cell: (brand) => (brand.isDefault ? "Yes" : "") },
            { header: "Sender", cell: (brand) => brand.senderEmail || "MAIL_FROM" },
            { header: "Colour", cell: (brand) => <span className="inline-flex items-center gap-2"><span aria-hidden className="size-4 rounded" style={{ backgroundColor: brand.primaryColor }} />{brand.primaryColor}</span> },
            { header: "Clients", cell: (brand) => brand._count.clients },
          ]}
        />
      </div>
    </>
  );
};

export default BrandsPage;
