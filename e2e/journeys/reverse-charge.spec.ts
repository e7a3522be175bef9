import { startViesStandIn, type ViesStandIn } from "../../tests/stand-ins/vies/vies-stand-in";
import { expect, signInAsStaff, test } from "../fixtures";
import { findWcagViolations } from "../fixtures/axe";

// EU VAT through the UI: the app (a separate process) asks the VIES stand-in that this spec runs on the port
// scripts/e2e.mjs gave the server as VIES_URL. The demo seller is Dutch (NL123456789B01) with the EU VAT rules.
let vies: ViesStandIn;
test.beforeAll(async () => {
  vies = await startViesStandIn({ DE123456789: { valid: true, name: "BEISPIEL GMBH" } }, { port: Number(process.env.E2E_VIES_PORT) });
});
test.afterAll(async () => vies.stop());

test("[JOURNEY]: a German business with a valid VAT number orders without VAT, with the reverse-charge legend on the invoice", async ({ page, customer }) => {
  await page.goto("/products/business");
  await page.getByRole("radio", { name: /Monthly/ }).check();
  await page.getByRole("button", { name: "Add to Cart" }).click();
  await page.getByRole("link", { name: "Proceed with Purchase" }).click();
  await expect(page.getByRole("heading", { name: "Order Summary" })).toBeVisible();
  await page.getByLabel("Company").fill("Beispiel GmbH");
  await page.getByLabel("First Name").fill(customer.firstName);
  await page.getByLabel("Last Name").fill(customer.lastName);
  await page.getByLabel("E-mail").fill(customer.email);
  await page.getByLabel("Street Address").fill("Unter den Linden 1");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("State").fill("Berlin");
  await page.getByLabel("Zip").fill("10117");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Phone").fill("+49 30 1234567");
  await page.getByLabel("Password", { exact: true }).fill(customer.password);
  await page.getByLabel("Confirm Password").fill(customer.password);
  await page.getByRole("radio", { name: "Bank Transfer" }).check();

  // An invalid number is refused where it was typed.
  await page.getByLabel("VAT Number").fill("DE999999999");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("This VAT number is not valid according to VIES.", { exact: false })).toBeVisible();

  // A valid one: Order Details shows no VAT and the legend with both numbers; $14.99 + $10.00 setup = $24.99.
  await page.getByLabel("VAT Number").fill("DE 123 456 789");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Order Details" })).toBeVisible();
  const notes = page.getByRole("list", { name: "Tax notes" });
  await expect(notes).toContainText("Reverse charge");
  await expect(notes).toContainText("Supplier VAT number: NL123456789B01");
  await expect(notes).toContainText("Customer VAT number: DE123456789");
  await expect(page.getByText("$24.99").last()).toBeVisible();
  expect(await findWcagViolations(page), "Order Details").toEqual([]);
  await page.getByRole("checkbox", { name: "I accept the Terms of Service" }).check();
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("heading", { name: "Your Order Has Been Placed" })).toBeVisible();
  // Continue asked twice (nothing stored), Place Order once more and stored the evidence.
  expect(vies.state.requests.map((request) => request.body.vatNumber)).toEqual(["999999999", "123456789", "123456789"]);
  expect(vies.state.requests.at(-1)?.body).toMatchObject({ countryCode: "DE", requesterMemberStateCode: "NL", requesterNumber: "123456789B01" });

  // The invoice (the customer is signed in after ordering) carries the legend and both VAT numbers, and no tax.
  await page.goto("/client/invoices");
  await page.getByRole("row").filter({ hasText: "$24.99" }).getByRole("link").first().click();
  await expect(page.getByLabel("Seller")).toContainText("Herengracht 100");
  const invoiceNotes = page.getByRole("list", { name: "Tax notes" });
  await expect(invoiceNotes).toContainText("Reverse charge");
  await expect(invoiceNotes).toContainText("Customer VAT number: DE123456789");

  // The account keeps the number as its tax ID; changing it on the dashboard asks VIES again.
  await page.goto("/client");
  const taxDetails = page.getByRole("form", { name: "Tax Details" });
  await expect(taxDetails.getByLabel("Tax ID Number")).toHaveValue("DE 123 456 789");
  await taxDetails.getByLabel("Tax ID Number").fill("DE999999999");
  await taxDetails.getByRole("button", { name: "Save Tax Details" }).click();
  await expect(taxDetails.getByLabel("Tax ID Number")).toHaveAccessibleDescription("This VAT number is not valid according to VIES. Check it, or leave the field empty.");
  await taxDetails.getByLabel("Tax ID Number").fill("DE123456789");
  await taxDetails.getByRole("button", { name: "Save Tax Details" }).click();
  await expect(taxDetails.getByRole("status")).toContainText("VIES confirmed the VAT number");
  expect(await findWcagViolations(page), "/client tax details").toEqual([]);
});

test("Admin → Taxes lists the EU VAT rules and adds an exact 9.975 % rule, with field errors for a bad rate", async ({ page }) => {
  await signInAsStaff(page);
  await page.goto("/admin/taxes");
  await expect(page.getByRole("heading", { name: "Taxes" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "FI" }).filter({ hasText: "25.5 %" })).toBeVisible();
  expect(await findWcagViolations(page), "/admin/taxes").toEqual([]);
  await page.getByRole("button", { name: "Add EU VAT rules" }).click();
  await expect(page.getByText("The EU VAT rules are already there; nothing was added.")).toBeVisible();

  await page.getByRole("link", { name: "Add Tax Rule" }).click();
  await page.getByLabel("Name", { exact: true }).fill("QST");
  await page.getByLabel("Rate (%)").fill("9,975");
  await page.getByLabel("Country").selectOption("CA");
  await page.getByLabel("State", { exact: true }).fill("QC");
  await page.getByLabel("Level", { exact: true }).selectOption("2");
  await page.getByRole("button", { name: "Add Tax Rule" }).click();
  await expect(page.getByText("Enter a rate from 0 to 100 %, with at most four decimals (e.g. 9.975).")).toBeVisible();
  expect(await findWcagViolations(page), "/admin/taxes/new").toEqual([]);
  await page.getByLabel("Rate (%)").fill("9.975");
  await page.getByRole("button", { name: "Add Tax Rule" }).click();
  await expect(page.getByText("The tax rule is saved.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "QST" })).toContainText("9.975 %");
});
