import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvoiceTable } from "@/components/client/invoice-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireContact } from "@/server/clients/require-contact";
import { listClientInvoices } from "@/server/billing/invoices/invoice-queries";
import { ZListInvoicesInput } from "@/server/clients/client-area.schemas";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("ClientArea.nav"))("invoices") });

type InvoicesPageProps = { searchParams: Promise<{ sort?: string; direction?: string }> };

const InvoicesPage = async ({ searchParams }: InvoicesPageProps) => {
  const { clientId } = await requireContact("billing");
  const params = await searchParams;
  // NOTE: a hand-edited query string falls back to the default order instead of failing the page.
  const parsed = ZListInvoicesInput.safeParse({ sort: params.sort, direction: params.direction });
  const sortState = parsed.success ? parsed.data : { sort: "date" as const, direction: "desc" as const };
  const [invoices, t] = await Promise.all([listClientInvoices({ clientId, ...sortState }), getTranslations("ClientArea")]);

  return (
    <>
      <PageHeader title={t("nav.invoices")} description={t("invoices.intro")} />
      {invoices.length === 0 ? (
        <EmptyState title={t("invoices.none")}>{t("invoices.noneHint")}</EmptyState>
      ) : (
        <InvoiceTable invoices={invoices} sortState={sortState} />
      )}
    </>
  );
};

export default InvoicesPage;
