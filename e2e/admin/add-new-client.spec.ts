import { randomBytes } from "node:crypto";
import { expect, signInAsStaff, submitSignIn, test } from "../fixtures";

test("staff add a client with Add New Client; its primary contact signs in with the user name and adds a billing-only contact", async ({ page, browser }) => {
  const suffix = randomBytes(4).toString("hex");
  const password = `Primary-${suffix}-password`;

  await signInAsStaff(page);
  await page.goto("/admin/clients");
  await page.getByRole("link", { name: "Add New Client" }).click();

  const account = page.getByRole("form", { name: "Add Client Account" });
  await account.getByLabel("Company Name").fill(`Initech ${suffix}`);
  await account.getByLabel("Monthly Billing Day").selectOption("10");
  await account.getByLabel("Billing Country").selectOption("US");
  await account.getByRole("button", { name: "Save and Add Primary Contact" }).click();

  const contact = page.getByRole("form", { name: "Add Primary Contact" });
  await expect(contact.getByLabel("Company", { exact: true })).toHaveValue(`Initech ${suffix}`);
  await contact.getByLabel("First Name").fill("Peter");
  await contact.getByLabel("Last Name").fill("Gibbons");
  await contact.getByLabel("E-mail", { exact: true }).fill(`peter.${suffix}@initech.example`);
  await contact.getByLabel("Street Address").fill("1 Office Park");
  await contact.getByLabel("City").fill("Dover");
  await expect(contact.getByLabel("County")).toHaveCount(0);
  await contact.getByLabel("State/Province").fill("DE");
  await expect(contact.getByLabel("County")).toBeVisible();
  await contact.getByLabel("Zip Code").fill("19901");
  await contact.getByLabel("Primary Phone").fill("+1 302 555 0100");
  await contact.getByLabel("User Name").fill(`peter${suffix}`);
  await contact.getByLabel("New Password").fill(password);
  await contact.getByLabel("Confirm Password").fill(`${password}-typo`);
  await contact.getByRole("button", { name: "Toggle All" }).click();
  await expect(contact.getByRole("checkbox", { name: "Invoices and payment receipts" })).toBeChecked();

  // Server-side validation: the missing county and the mismatched passwords, each under its field.
  await contact.getByRole("button", { name: "Save and Add Billing Account" }).click();
  await expect(contact.getByText("Choose the county.")).toBeVisible();
  await expect(contact.getByText("The passwords do not match.")).toBeVisible();
  await contact.getByLabel("County").selectOption("Kent");
  await contact.getByLabel("Confirm Password").fill(password);
  await contact.getByRole("button", { name: "Save and Add Billing Account" }).click();

  await expect(page.getByRole("heading", { name: "Add Billing Account" })).toBeVisible();
  await page.getByRole("link", { name: /^#\d+$/ }).click();
  await expect(page.getByRole("heading", { name: `Initech ${suffix}`, level: 1 })).toBeVisible();
  await expect(page.getByText("Monthly Billing Day")).toBeVisible();
  // Outside the EU the tax ID is kept as typed (no VIES check); turning "Is Taxable" off shows on the details.
  const taxDetails = page.getByRole("form", { name: "Tax Details" });
  await taxDetails.getByRole("checkbox", { name: "Is Taxable" }).uncheck();
  await taxDetails.getByLabel("Tax ID Number").fill("EIN 12-3456789");
  await taxDetails.getByRole("button", { name: "Save Tax Details" }).click();
  await expect(taxDetails.getByRole("status")).toHaveText("Tax details saved.");
  await expect(page.getByRole("definition").filter({ hasText: "EIN 12-3456789" })).toBeVisible();

  const client = await (await browser.newContext()).newPage();
  await submitSignIn(client, "/login", { email: `peter${suffix}`, password });
  await client.waitForURL("**/client");
  await client.getByRole("navigation", { name: "Client area" }).getByRole("link", { name: "Contacts" }).click();
  await expect(client.getByText(`peter.${suffix}@initech.example`)).toBeVisible();

  // The primary contact adds a billing-only contact, who signs in and sees billing alone.
  await client.getByRole("button", { name: "Add Contact" }).click();
  const added = client.getByRole("form", { name: "Add Contact" });
  await added.getByLabel("First Name").fill("Bill");
  await added.getByLabel("Last Name").fill("Lumbergh");
  await added.getByLabel("E-mail", { exact: true }).fill(`bill.${suffix}@initech.example`);
  await added.getByLabel("Street Address").fill("1 Office Park");
  await added.getByLabel("City").fill("Austin");
  await added.getByLabel("State/Province").fill("TX");
  await added.getByLabel("Zip Code").fill("73301");
  await added.getByLabel("Country").selectOption("US");
  await added.getByLabel("Primary Phone").fill("+1 512 555 0100");
  await added.getByLabel("User Name").fill(`bill${suffix}`);
  await added.getByLabel("New Password").fill(password);
  await added.getByLabel("Confirm Password").fill(password);
  await added.getByRole("checkbox", { name: /^Billing/ }).check();
  await added.getByRole("button", { name: "Add Contact" }).click();
  await expect(client.getByText(`bill.${suffix}@initech.example`)).toBeVisible();

  const bill = await (await browser.newContext()).newPage();
  await submitSignIn(bill, "/login", { email: `bill${suffix}`, password });
  await bill.waitForURL("**/client/invoices");
  const nav = bill.getByRole("navigation", { name: "Client area" });
  await expect(nav.getByRole("link", { name: "Invoices" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Contacts" })).toHaveCount(0);
  expect((await bill.goto("/client/contacts"))?.status()).toBe(403);
  expect((await bill.goto("/client/packages"))?.status()).toBe(403);
});
