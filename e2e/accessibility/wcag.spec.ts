import { findWcagViolations } from "../fixtures/axe";
import { expect, signInAsStaff, test } from "../fixtures";

// Automatically detectable WCAG 2.1 A/AA violations on the pages every visitor and staff member sees
// (the client area is scanned in the journey, where a client is signed in).
test("[A11Y]: storefront, cart, checkout and sign-in pages have no automatically detectable WCAG A/AA violations", async ({ page }) => {
  for (const path of ["/", "/products/starter", "/login", "/login/forgot", "/admin/login", "/admin/login/forgot"]) {
    await page.goto(path);
    expect(await findWcagViolations(page), path).toEqual([]);
  }
  await page.goto("/products/starter");
  await page.getByRole("button", { name: "Add to Cart" }).click();
  await expect(page.getByRole("heading", { name: "Order Contents" })).toBeVisible();
  expect(await findWcagViolations(page), "/cart").toEqual([]);
  await page.getByRole("link", { name: "Proceed with Purchase" }).click();
  await expect(page.getByRole("heading", { name: "Order Summary" })).toBeVisible();
  expect(await findWcagViolations(page), "/checkout").toEqual([]);
});

test("[A11Y]: the admin area's main pages have no automatically detectable WCAG A/AA violations", async ({ page }) => {
  await signInAsStaff(page);
  for (const path of ["/admin", "/admin/clients", "/admin/invoices", "/admin/products", "/admin/tasks", "/admin/queue", "/admin/settings", "/admin/staff", "/admin/roles", "/admin/roles/new", "/admin/api-keys", "/admin/account/security"]) {
    await page.goto(path);
    expect(await findWcagViolations(page), path).toEqual([]);
  }
});
