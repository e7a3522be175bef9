import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TaxRuleForm } from "@/components/admin/tax/tax-rule-form";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { findTaxRuleForEdit } from "@/server/tax/admin/tax-admin-queries";

export const metadata: Metadata = { title: "Edit Tax Rule" };

const EditTaxRulePage = async ({ params }: { params: Promise<{ ruleId: string }> }) => {
  await requireStaff("catalog.write");
  const rule = await findTaxRuleForEdit((await params).ruleId);
  if (!rule) notFound();
  const { id, level, ...values } = rule;
  return (
    <>
      <PageHeader title={`Edit Tax Rule: ${rule.name}`} description={<TextLink href="/admin/taxes">All tax rules</TextLink>} />
      <Card>
        <TaxRuleForm ruleId={id} initial={{ ...values, level: level === 2 ? 2 : 1, country: values.country ?? "", state: values.state ?? "" }} />
      </Card>
    </>
  );
};

export default EditTaxRulePage;
