import { expect, newVisitor, placeOrder, signInAsClient, test } from "../fixtures";
import { findWcagViolations } from "../fixtures/axe";

// An existing client signs in and orders again: Order Summary shows the account instead of the contact fields,
// and the order, package and invoice join that account (no second account, no password).
test("[JOURNEY]: a signed-in client orders Starter into its own account", async ({ browser, request }) => {
  const { page, headers } = await newVisitor(browser);
  const customer = await placeOrder(request, "Olga", headers);
  await signInAsClient(page, customer);

  await page.goto("/products/starter");
  await page.getByRole("radio", { name: /Monthly/ }).check();
  await page.getByRole("button", { name: "Add to Cart" }).click();
  await page.getByRole("link", { name: "Proceed with Purchase" }).click();

  await expect(page.getByRole("heading", { name: "Order Summary" })).toBeVisible();
  await expect(page.getByText(`Ordering as Olga Tester (${customer.email})`)).toBeVisible();
  await expect(page.getByLabel("First Name")).toHaveCount(0);
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  expect(await findWcagViolations(page), "Order Summary, signed in").toEqual([]);

  // A code for new clients only is refused on its field.
  await page.getByLabel("Promo Code").fill("WELCOME10");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Promo Code")).toHaveAccessibleDescription("This code is only for new clients.");
  await page.getByLabel("Promo Code").fill("");
  await page.getByRole("button", { name: "Continue" }).click();

  // Starter monthly $5.99 + 8.25 % Texas sales tax ($0.49) = $6.48.
  await expect(page.getByRole("heading", { name: "Order Details" })).toBeVisible();
  await expect(page.getByText("$6.48").last()).toBeVisible();
  await page.getByRole("checkbox", { name: "I accept the Terms of Service" }).check();
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("heading", { name: "Your Order Has Been Placed" })).toBeVisible();
  await expect(page.getByText("Your order has been added to your account")).toBeVisible();

  await page.getByRole("link", { name: "Go to Client Area" }).click();
  await page.goto("/client/invoices");
  // The first order's invoice (Starter too, placed by the fixture) and this one, on the same account.
  await expect(page.getByRole("row").filter({ hasText: "$6.48" })).toHaveCount(2);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
});
