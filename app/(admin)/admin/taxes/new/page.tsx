import type { Metadata } from "next";
import { EMPTY_TAX_RULE, TaxRuleForm } from "@/components/admin/tax/tax-rule-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";

export const metadata: Metadata = { title: "Add Tax Rule" };

const NewTaxRulePage = async () => {
  await requireStaff("catalog.write");
  return (
    <>
      <PageHeader title="Add Tax Rule" description={<TextLink href="/admin/taxes">All tax rules</TextLink>} />
      <Card>
        <TaxRuleForm initial={EMPTY_TAX_RULE} />
      </Card>
    </>
  );
};

export default NewTaxRulePage;
