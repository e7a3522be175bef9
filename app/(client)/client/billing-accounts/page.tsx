import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireContact } from "@/server/clients/require-contact";

export const metadata: Metadata = { title: "Billing Accounts" };

// NOTE: saved billing accounts (cards, bank drafts) are not built yet; invoices are paid by bank transfer for now.
const BillingAccountsPage = async () => {
  await requireContact("billing");
  return (
    <>
      <PageHeader title="Billing Accounts" />
      <EmptyState title="Saved billing accounts arrive in a later release.">
        For now, invoices are paid by bank transfer: quote the invoice number as the payment reference. Saved cards and bank
        accounts, and the packages they pay for, will be managed here.
      </EmptyState>
    </>
  );
};

export default BillingAccountsPage;
