import { expect, newVisitor, placeOrder, signInAsClient, signInAsStaff, test } from "../fixtures";
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

// Account credit: staff add it on the client's page ("Add Credit"); the client pays an order with it ("Account
// Credit"), which pays the invoice at once; credit that does not cover an order is refused where it is chosen.
test("[JOURNEY]: staff add credit to an account, and the client pays an order with Account Credit", async ({ browser, request }) => {
  const { page, headers } = await newVisitor(browser);
  const customer = await placeOrder(request, "Cora", headers);

  const staffPage = await (await browser.newContext()).newPage();
  await signInAsStaff(staffPage);
  await staffPage.goto(`/admin/clients?q=${encodeURIComponent(customer.email)}`);
  await staffPage.getByRole("table").getByRole("link", { name: /^#\d+$/ }).click();
  const form = staffPage.getByRole("form", { name: "Add Credit" });
  await form.getByLabel("Amount").fill("0");
  await form.getByRole("button", { name: "Add Credit" }).click();
  await expect(form.getByLabel("Amount")).toHaveAccessibleDescription(/Enter an amount greater than zero/);
  await form.getByLabel("Amount").fill("5.00");
  await form.getByLabel("Description").fill("Goodwill credit");
  await form.getByRole("button", { name: "Add Credit" }).click();
  await expect(form.getByRole("alert").or(form.getByRole("status")).first()).toContainText("The balance is now $5.00");
  await expect(staffPage.getByRole("heading", { name: "Account Credit: $5.00" })).toBeVisible();

  // $5.00 does not cover Starter ($6.48): refused at Continue, with both amounts.
  await signInAsClient(page, customer);
  await expect(page.getByRole("region", { name: "Account Credit" })).toContainText("$5.00");
  await page.goto("/products/starter");
  await page.getByRole("radio", { name: /Monthly/ }).check();
  await page.getByRole("button", { name: "Add to Cart" }).click();
  await page.getByRole("link", { name: "Proceed with Purchase" }).click();
  await page.getByRole("radio", { name: "Account Credit" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your account credit of $5.00 does not cover the total of $6.48" }).first()).toBeVisible();

  await form.getByLabel("Amount").fill("2.00");
  await form.getByLabel("Description").fill("Top-up");
  await form.getByRole("button", { name: "Add Credit" }).click();
  await expect(form.getByRole("alert").or(form.getByRole("status")).first()).toContainText("The balance is now $7.00");

  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Order Details" })).toBeVisible();
  await expect(page.getByText("Payment method: Account Credit")).toBeVisible();
  await page.getByRole("checkbox", { name: "I accept the Terms of Service" }).check();
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("heading", { name: "Your Order Has Been Placed" })).toBeVisible();
  await expect(page.getByText("Account Credit — paid in full")).toBeVisible();

  await page.goto("/client/invoices");
  await expect(page.getByRole("row").filter({ hasText: "$6.48" }).filter({ has: page.getByText("Paid", { exact: true }) })).toHaveCount(1);
  await staffPage.reload();
  await expect(staffPage.getByRole("heading", { name: "Account Credit: $0.52" })).toBeVisible();
});
