import type { Metadata } from "next";
import { AddEuVatRulesButton } from "@/components/admin/tax/add-eu-vat-rules-button";
import { TextLink } from "@/components/admin/text-link";
import { productTypeLabel } from "@/components/client/product-type-label";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { listTaxRules } from "@/server/tax/admin/tax-admin-queries";

export const metadata: Metadata = { title: "Taxes" };

const TaxesPage = async ({ searchParams }: { searchParams: Promise<{ saved?: string; deleted?: string }> }) => {
  await requireStaff("catalog.read");
  const [rules, query] = await Promise.all([listTaxRules(), searchParams]);
  return (
    <>
      <PageHeader
        title="Taxes"
        description="Tax rules by country and state, as dated periods. An invoice keeps the rates it was issued with."
        actions={<ButtonLink href="/admin/taxes/new">Add Tax Rule</ButtonLink>}
      />
      <div className="space-y-4">
        {query.saved && <Alert tone="success">The tax rule is saved.</Alert>}
        {query.deleted && <Alert tone="success">The tax rule is deleted.</Alert>}
        <AddEuVatRulesButton />
        {rules.length === 0 ? (
          <EmptyState title="No tax rules yet.">Add a rule, or add the EU VAT rules for the 27 member states.</EmptyState>
        ) : (
          <DataTable
            caption="Tax rules"
            rows={rules}
            rowKey={(rule) => rule.id}
            columns={[
              { header: "Name", cell: (rule) => <TextLink href={`/admin/taxes/${rule.id}`}>{rule.name}</TextLink> },
              { header: "Rate", cell: (rule) => `${rule.rate} %` },
              { header: "Country", cell: (rule) => rule.country ?? "Everywhere" },
              { header: "State", cell: (rule) => rule.state ?? "—" },
              { header: "Level", cell: (rule) => (rule.compound ? `${rule.level} (compound)` : rule.level) },
              { header: "Applies To", cell: (rule) => (rule.productTypes.length ? rule.productTypes.map(productTypeLabel).join(", ") : "All products") },
              { header: "Effective From", cell: (rule) => rule.effectiveFrom },
              { header: "Effective To", cell: (rule) => rule.effectiveTo || "—" },
            ]}
          />
        )}
      </div>
    </>
  );
};

export default TaxesPage;
