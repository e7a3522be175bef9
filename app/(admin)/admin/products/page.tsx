import type { Metadata } from "next";
import { EditPriceForm } from "@/components/admin/edit-price-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { statusLabel } from "@/components/ui/status-badge";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { formatMoney } from "@/lib/format-money";
import { listAdminProductGroups } from "@/server/admin/admin-product-queries";
import { requireStaff } from "@/server/auth";
import { hasPermission } from "@/server/staff/staff-permissions";

export const metadata: Metadata = { title: "Products" };

const ProductsPage = async () => {
  const principal = await requireStaff("catalog.read");
  const canEdit = await hasPermission(principal, "catalog.write");
  const groups = await listAdminProductGroups();

  return (
    <>
      <PageHeader title="Products" description="Product groups and products, with their price and setup fee for each billing cycle." />
      {groups.length === 0 ? (
        <EmptyState title="No products yet." />
      ) : (
        <div className="space-y-6">
          {groups.map((group) => (
            <Card key={group.id} title={`${group.name}${group.isHidden ? " (hidden)" : ""}`}>
              {group.products.length === 0 ? (
                <p className="text-sm text-slate-600">No products in this group.</p>
              ) : (
                <DataTable
                  caption={`Products in ${group.name}`}
                  rows={group.products}
                  rowKey={(product) => product.id}
                  columns={[
                    { header: "Product", cell: (product) => `${product.name}${product.isHidden ? " (hidden)" : ""}` },
                    { header: "Type", cell: (product) => statusLabel(product.type) },
                    {
                      header: "Prices",
                      cell: (product) =>
                        product.prices.length === 0 ? (
                          "—"
                        ) : (
                          <ul className="space-y-0.5">
                            {product.prices.map((price) => (
                              <li key={price.id}>
                                {billingCycleLabel(price.cycle)}: {formatMoney(price.amountCents, price.currency)}
                              </li>
                            ))}
                          </ul>
                        ),
                    },
                    {
                      header: "Setup Fee",
                      cell: (product) =>
                        product.prices.length === 0 ? (
                          "—"
                        ) : (
                          <ul className="space-y-0.5">
                            {product.prices.map((price) => (
                              <li key={price.id}>
                                {billingCycleLabel(price.cycle)}: {price.setupFeeCents > 0 ? formatMoney(price.setupFeeCents, price.currency) : "None"}
                              </li>
                            ))}
                          </ul>
                        ),
                    },
                    ...(canEdit
                      ? [
                          {
                            header: "Edit Prices",
                            cell: (product: (typeof group.products)[number]) => (
                              <ul className="space-y-1">
                                {product.prices.map((price) => (
                                  <li key={price.id}>
                                    <EditPriceForm label={`${product.name} ${billingCycleLabel(price.cycle)}`} price={price} />
                                  </li>
                                ))}
                              </ul>
                            ),
                          },
                        ]
                      : []),
                    { header: "Module", cell: (product) => (product.module === "MANUAL" ? "Manual setup" : product.module) },
                    { header: "Department", cell: (product) => product.departmentName ?? "—" },
                    { header: "Packages", cell: (product) => product.packageCount },
                  ]}
                />
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  );
};

export default ProductsPage;
