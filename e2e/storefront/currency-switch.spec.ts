import { expect, test } from "../fixtures";
import { checkOutAsNewCustomer } from "../fixtures/checkout";
import { findWcagViolations } from "../fixtures/axe";

// The visitor picks a currency on the storefront: the cached pages in that currency are their own URLs
// (/shop/eur…), and the choice travels with "Add to Cart" into the cart and a guest's checkout and invoice.
// Demo: Starter $5.99 / month, converted at 0.92 → €5.51; Texas sales tax 8.25 % → €0.45.
test("a visitor switches to EUR, orders Starter in euros and gets a euro invoice", async ({ page, customer }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Currency" }).getByRole("link", { name: "EUR" }).click();
  await expect(page).toHaveURL(/\/shop\/eur$/);
  await expect(page.getByRole("list", { name: "Starter prices" })).toContainText("€5.51");
  expect(await findWcagViolations(page), "/shop/eur").toEqual([]);

  await page.getByRole("link", { name: "Order Starter" }).click();
  await expect(page).toHaveURL(/\/shop\/eur\/products\/starter$/);
  await page.getByRole("radio", { name: /Monthly/ }).check();
  await page.getByRole("button", { name: "Add to Cart" }).click();
  await expect(page.getByRole("heading", { name: "Order Contents" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("€5.51");
  await checkOutAsNewCustomer(page, customer, { place: false });
  await expect(page.getByText("€5.96").last()).toBeVisible();
  await page.getByRole("checkbox", { name: "I accept the Terms of Service" }).check();
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("heading", { name: "Your Order Has Been Placed" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("€5.96");

  // Back to the default currency with the switch.
  await page.goto("/shop/eur");
  await page.getByRole("navigation", { name: "Currency" }).getByRole("link", { name: "USD" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("list", { name: "Starter prices" })).toContainText("$5.99");
});

test("a currency the shop does not sell in is not a storefront page", async ({ request }) => {
  expect((await request.get("/shop/gbp")).status()).toBe(404);
  expect((await request.get("/shop/gbp/products/starter")).status()).toBe(404);
});
