import { expect, signInAsStaff, test } from "../fixtures";
import { findWcagViolations } from "../fixtures/axe";

// The whole walking skeleton through the UI: storefront → checkout → invoice → payment → provisioning
// workflow → staff task → active package, with the e-mails in the outbox along the way.
test("[JOURNEY]: a visitor orders Starter, staff take the payment and set it up, the package becomes Active", async ({
  browser,
  customer,
}) => {
  const clientPage = await (await browser.newContext()).newPage();

  // 1. Storefront and cart.
  await clientPage.goto("/");
  await expect(clientPage.getByRole("heading", { name: "Shared Hosting" })).toBeVisible();
  await expect(clientPage.getByRole("heading", { name: "Domains" })).toBeVisible();
  await clientPage.getByRole("link", { name: /Starter/ }).first().click();
  await clientPage.getByRole("radio", { name: /Monthly/ }).check();
  await clientPage.getByRole("button", { name: "Add to Cart" }).click();
  await expect(clientPage.getByRole("heading", { name: "Order Contents" })).toBeVisible();
  await expect(clientPage.getByRole("cell", { name: /Starter/ }).first()).toBeVisible();
  await expect(clientPage.getByRole("link", { name: "Continue Shopping" })).toBeVisible();
  await clientPage.getByRole("link", { name: "Proceed with Purchase" }).click();

  // 2. Order Summary.
  await expect(clientPage.getByRole("heading", { name: "Order Summary" })).toBeVisible();
  await clientPage.getByLabel("First Name").fill(customer.firstName);
  await clientPage.getByLabel("Last Name").fill(customer.lastName);
  await clientPage.getByLabel("E-mail").fill(customer.email);
  await clientPage.getByLabel("Street Address").fill("1 Analytical Way");
  await clientPage.getByLabel("City").fill("Austin");
  await clientPage.getByLabel("State").fill("TX");
  await clientPage.getByLabel("Zip").fill("73301");
  await clientPage.getByLabel("Country").selectOption("US");
  await clientPage.getByLabel("Phone").fill("+1 512 555 0100");
  await clientPage.getByLabel("Password", { exact: true }).fill(customer.password);
  await clientPage.getByLabel("Confirm Password").fill(customer.password);
  await clientPage.getByRole("radio", { name: "Bank Transfer" }).check();
  await clientPage.getByRole("button", { name: "Continue" }).click();

  // 3. Order Details: Starter monthly $5.99 + 8.25 % sales tax ($0.49) = $6.48.
  await expect(clientPage.getByRole("heading", { name: "Order Details" })).toBeVisible();
  await expect(clientPage.getByText("$6.48").first()).toBeVisible();
  await clientPage.getByRole("checkbox", { name: "I accept the Terms of Service" }).check();
  await clientPage.getByRole("button", { name: "Place Order" }).click();

  // 4. Confirmation, then the client area lists the invoice (Unpaid) and the package (Pending).
  await expect(clientPage.getByRole("heading", { name: "Your Order Has Been Placed" })).toBeVisible();
  const invoiceNumber = (await clientPage.getByText(/INV-\d+/).first().textContent())!.match(/INV-\d+/)![0];
  await clientPage.goto("/client/invoices");
  const invoiceRow = clientPage.getByRole("row").filter({ hasText: invoiceNumber });
  await expect(invoiceRow).toContainText("Unpaid");
  await expect(invoiceRow).toContainText("$6.48");
  expect(await findWcagViolations(clientPage), "/client/invoices").toEqual([]);
  await clientPage.goto("/client/packages");
  await expect(clientPage.getByRole("row").filter({ hasText: "Starter" })).toContainText("Pending");
  expect(await findWcagViolations(clientPage), "/client/packages").toEqual([]);

  // An invoice that is not this client's is simply not found (the same answer as for another client's).
  const missing = await clientPage.goto("/client/invoices/not-an-invoice-of-yours");
  expect(missing?.status()).toBe(404);
  await expect(clientPage.getByText("We could not find that page in your account.")).toBeVisible();

  // A client session never reaches the admin area.
  await clientPage.goto("/admin");
  await expect(clientPage.getByRole("heading", { name: "Staff sign in" })).toBeVisible();

  // 5. Staff record the bank payment.
  const staffPage = await (await browser.newContext()).newPage();
  await signInAsStaff(staffPage);
  await staffPage.goto("/admin/invoices");
  await staffPage.getByRole("link", { name: invoiceNumber }).click();
  await staffPage.getByLabel("Amount").fill("6.48");
  await staffPage.getByLabel("Transaction ID").fill(`BANK-${invoiceNumber}`);
  await staffPage.getByRole("button", { name: "Add Payment" }).click();
  await expect(staffPage.getByText("Paid", { exact: true }).first()).toBeVisible();

  // 6. The provision-service workflow opens a task for Provisioning; staff take it and close it.
  await expect(async () => {
    await staffPage.goto("/admin/tasks");
    await expect(staffPage.getByRole("link", { name: new RegExp(`Set up Starter.*${customer.lastName}`) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await staffPage.getByRole("link", { name: new RegExp(`Set up Starter.*${customer.lastName}`) }).click();
  await staffPage.getByRole("button", { name: "Assign to Me" }).click();
  await staffPage.getByLabel("User Name").fill("ada");
  await staffPage.getByLabel("Server").fill("web01.hostlane.local");
  await staffPage.getByLabel("Notes").fill("Created by hand");
  await staffPage.getByRole("button", { name: "Close Task" }).click();

  // The workflow resumes: the client sees the package Active.
  await expect(async () => {
    await clientPage.goto("/client/packages");
    await expect(clientPage.getByRole("row").filter({ hasText: "Starter" })).toContainText("Active", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // The provision-service run is in the System Queue, completed, with its steps on the run's page.
  await staffPage.goto("/admin/queue");
  const runRow = staffPage.getByRole("row").filter({ hasText: "billing/invoice.paid" }).first();
  await expect(runRow).toContainText("Completed");
  await runRow.getByRole("link").first().click();
  await expect(staffPage.getByText(/wait-for-setup-task/).first()).toBeVisible();

  // The three e-mails of the journey are in the outbox.
  await staffPage.goto("/admin/settings");
  const outbox = staffPage.getByRole("table", { name: /outbox/i });
  for (const template of ["order-confirmation", "invoice-created", "welcome"]) {
    await expect(outbox.getByRole("row").filter({ hasText: customer.email }).filter({ hasText: template })).toHaveCount(1);
  }
});
