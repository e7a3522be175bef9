import type { Metadata } from "next";
import { GroupForm, MoveGroupButtons } from "@/components/admin/catalog/group-form";
import { EditPriceForm } from "@/components/admin/edit-price-form";
import { TextLink } from "@/components/admin/text-link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { statusLabel } from "@/components/ui/status-badge";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { formatMoney } from "@/lib/format-money";
import { listAdminProductGroups } from "@/server/admin/admin-product-queries";
import { listAdminAddons } from "@/server/catalog/admin/admin-catalog-queries";
import { requireStaff } from "@/server/auth";
import { hasPermission } from "@/server/staff/staff-permissions";

export const metadata: Metadata = { title: "Products" };

const ProductsPage = async () => {
  const principal = await requireStaff("catalog.read");
  const canEdit = await hasPermission(principal, "catalog.write");
  const [groups, addons] = await Promise.all([listAdminProductGroups(), listAdminAddons()]);

  return (
    <>
      <PageHeader
        title="Products"
        description="Product groups and products, with their price and setup fee for each billing cycle."
        actions={
          canEdit && (
            <div className="flex flex-wrap gap-2">
              <ButtonLink href="/admin/products/new">Add Product</ButtonLink>
              <ButtonLink href="/admin/products/addons/new" variant="secondary">Add Add-on</ButtonLink>
              <ButtonLink href="/admin/currencies" variant="secondary">Currencies</ButtonLink>
            </div>
          )
        }
      />
      {canEdit && (
        <div className="mb-6">
          <GroupForm group={{ name: "", slug: "", description: "", isHidden: false }} />
        </div>
      )}
      {groups.length === 0 ? (
        <EmptyState title="No products yet." />
      ) : (
        <div className="space-y-6">
          {groups.map((group, index) => (
            <Card
              key={group.id}
              title={`${group.name}${group.isHidden ? " (hidden)" : ""}`}
              actions={
                canEdit && (
                  <div className="flex items-center gap-3">
                    <MoveGroupButtons groupId={group.id} groupName={group.name} isFirst={index === 0} isLast={index === groups.length - 1} />
                    <GroupForm group={group} />
                  </div>
                )
              }
            >
              {group.products.length === 0 ? (
                <p className="text-sm text-slate-600">No products in this group.</p>
              ) : (
                <DataTable
                  caption={`Products in ${group.name}`}
                  rows={group.products}
                  rowKey={(product) => product.id}
                  columns={[
                    {
                      header: "Product",
                      cell: (product) =>
                        canEdit ? (
                          <TextLink href={`/admin/products/${product.id}`}>{`${product.name}${product.isHidden ? " (hidden)" : ""}`}</TextLink>
                        ) : (
                          `${product.name}${product.isHidden ? " (hidden)" : ""}`
                        ),
                    },
                    { header: "Stock", cell: (product) => (product.stockCount === null ? "Unlimited" : product.stockCount === 0 ? "Out of stock" : product.stockCount) },
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
      <div className="mt-6">
        <Card title="Add-ons">
          {addons.length === 0 ? (
            <p className="text-sm text-slate-600">No add-ons yet.</p>
          ) : (
            <DataTable
              caption="Add-ons"
              rows={addons}
              rowKey={(addon) => addon.id}
              columns={[
                { header: "Add-on", cell: (addon) => (canEdit ? <TextLink href={`/admin/products/addons/${addon.id}`}>{addon.name}</TextLink> : addon.name) },
                { header: "Offered With", cell: (addon) => addon.products.map((product) => product.name).join(", ") || "—" },
                {
                  header: "Prices",
                  cell: (addon) => (
                    <ul className="space-y-0.5">
                      {addon.prices.map((price) => (
                        <li key={`${price.currency}-${price.cycle}`}>
                          {billingCycleLabel(price.cycle)}: {formatMoney(price.amountCents, price.currency)}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { header: "Visibility", cell: (addon) => (addon.isHidden ? "Hidden" : "Shown") },
              ]}
            />
          )}
        </Card>
      </div>
    </>
  );
};

export default ProductsPage;
