import type { Metadata } from "next";
import { CurrencyForm } from "@/components/admin/catalog/currency-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/server/auth";
import { listCurrencies } from "@/server/catalog/admin/admin-catalog-queries";
import { hasPermission } from "@/server/staff/staff-permissions";

export const metadata: Metadata = { title: "Currencies" };

const CurrenciesPage = async () => {
  const principal = await requireStaff("catalog.read");
  const canEdit = await hasPermission(principal, "catalog.write");
  const currencies = await listCurrencies();
  return (
    <>
      <PageHeader
        title="Currencies"
        description="Prices missing in a currency are converted from the default currency at its exchange rate and rounded to its decimals; explicit prices win. A client's currency is fixed on the account."
      />
      <div className="space-y-6">
        <Card title="Currencies">
          <DataTable
            caption="Currencies"
            rows={currencies}
            rowKey={(currency) => currency.code}
            columns={[
              { header: "Code", cell: (currency) => `${currency.code}${currency.isDefault ? " (default)" : ""}` },
              { header: "Decimals", cell: (currency) => currency.minorUnits },
              ...(canEdit
                ? [{ header: "Symbol and Rate", cell: (currency: (typeof currencies)[number]) => <CurrencyForm currency={currency} /> }]
                : [
                    { header: "Symbol", cell: (currency: (typeof currencies)[number]) => currency.symbol },
                    { header: "Exchange Rate", cell: (currency: (typeof currencies)[number]) => currency.exchangeRate },
                  ]),
            ]}
          />
        </Card>
        {canEdit && (
          <Card title="Add Currency">
            <CurrencyForm />
          </Card>
        )}
      </div>
    </>
  );
};

export default CurrenciesPage;
