import { findWcagViolations } from "../fixtures/axe";
import { checkOutAsNewCustomer } from "../fixtures/checkout";
import { expect, signInAsStaff, test } from "../fixtures";

// The catalog of issue #9: add-ons and configurable options priced on the cached product page and again by the
// server in the cart and checkout; stock counts and a product added in the admin, visible on the next request.

test("[CATALOG]: a visitor orders Business with an add-on and options; cart and checkout price them on the server", async ({ page, customer }) => {
  await page.goto("/products/business");
  await expect(page.getByRole("group", { name: "Add-ons" })).toContainText("Monthly $2.00, Annually $20.00");
  await page.getByRole("radio", { name: /Monthly/ }).check();
  await page.getByRole("checkbox", { name: /Daily Backups/ }).check();
  await page.getByLabel("Extra Storage (GB)").fill("20");
  await page.getByRole("checkbox", { name: /Dedicated IP/ }).check();
  await page.getByRole("button", { name: "Add to Cart" }).click();

  await expect(page.getByRole("heading", { name: "Order Contents" })).toBeVisible();
  await expect(page.getByText("+ Daily Backups: $2.00")).toBeVisible();
  await expect(page.getByText("+ Extra Storage: GB × 20: $5.00")).toBeVisible();
  await expect(page.getByText("+ Dedicated IP: Yes: $3.00")).toBeVisible();
  // $14.99 + $10.00 setup + $2.00 + $5.00 + $3.00
  await expect(page.getByText("$34.99").first()).toBeVisible();

  await checkOutAsNewCustomer(page, customer, { place: false });
  for (const line of ["Business: Daily Backups (Monthly)", "Business: Extra Storage: GB × 20 (Monthly)", "Business: Dedicated IP: Yes (Monthly)"]) {
    await expect(page.getByRole("rowheader", { name: line })).toBeVisible();
  }
  // 8.25 % US sales tax, rounded per line: $1.24 + $0.83 + $0.17 + $0.41 + $0.25
  await expect(page.getByRole("row", { name: "Total $37.89" })).toBeVisible();
  await page.getByRole("checkbox", { name: "I accept the Terms of Service" }).check();
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("heading", { name: "Your Order Has Been Placed" })).toBeVisible();
});

test("[CATALOG]: a quantity outside its steps is refused on the product page with a clear message, nothing added", async ({ page }) => {
  await page.goto("/products/business");
  await page.getByLabel("Extra Storage (GB)").evaluate((input: HTMLInputElement) => {
    input.removeAttribute("step");
    input.value = "15";
  });
  await page.getByRole("button", { name: "Add to Cart" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "One of the add-ons or options you chose is not offered" })).toBeVisible();
  await page.goto("/cart");
  await expect(page.getByText("Business")).toHaveCount(0);
});

test("[CATALOG]: staff add a product with stock in the admin; the storefront shows it, then \"Out of stock\" on the next request", async ({ browser, request }) => {
  const staffPage = await (await browser.newContext()).newPage();
  await signInAsStaff(staffPage);
  await staffPage.goto("/admin/products/new");
  const form = staffPage.getByRole("form", { name: "Add Product" });
  await form.getByLabel("Product Name").fill("E2E Widget");
  await form.getByLabel("URL Name").fill("e2e-widget");
  await form.getByLabel("Product Type").selectOption("OTHER");
  await form.getByLabel("Stock").fill("1");
  await form.getByLabel("Monthly USD price").fill("7.50");
  await form.getByRole("button", { name: "Add Product" }).click();
  await staffPage.waitForURL(/\/admin\/products\/(?!new)[\w-]+$/);

  const page = await request.get("/products/e2e-widget");
  expect(page.status()).toBe(200);
  const body = await page.text();
  expect(body).toContain("$7.50");
  expect(body).not.toContain("Out of stock");

  const editForm = staffPage.getByRole("form", { name: "Edit E2E Widget" });
  await editForm.getByLabel("Stock").fill("0");
  await editForm.getByRole("button", { name: "Save Changes" }).click();
  await expect(editForm.getByRole("status")).toContainText("Saved");
  expect(await (await request.get("/products/e2e-widget")).text()).toContain("Out of stock");
});

test("[A11Y]: the catalog pages (product page with extras, admin product, add-on and currency forms) have no detectable WCAG A/AA violations", async ({ page }) => {
  await page.goto("/products/business");
  expect(await findWcagViolations(page), "/products/business").toEqual([]);
  await signInAsStaff(page);
  await page.goto("/admin/products");
  await page.getByRole("link", { name: "Business" }).click();
  await expect(page.getByRole("heading", { name: "Business" })).toBeVisible();
  expect(await findWcagViolations(page), "/admin/products/<business>").toEqual([]);
  for (const path of ["/admin/products/new", "/admin/products/addons/new", "/admin/currencies"]) {
    await page.goto(path);
    expect(await findWcagViolations(page), path).toEqual([]);
  }
});
