import { expect, test } from "../fixtures";
import { fillNewCustomerContact } from "../fixtures/checkout";
import { findWcagViolations } from "../fixtures/axe";

// With a domain in the cart, Order Summary asks for the WHOIS contact: the same data, or the registrant's own.
test("[JOURNEY]: a visitor orders a .com domain with a different WHOIS contact, which must be complete", async ({ page, customer }) => {
  await page.goto("/products/com-domain");
  await page.getByRole("radio", { name: /Annually/ }).check();
  await page.getByRole("button", { name: "Add to Cart" }).click();
  await page.getByRole("link", { name: "Proceed with Purchase" }).click();
  await fillNewCustomerContact(page, customer);

  await expect(page.getByRole("radio", { name: "Use the same data" })).toBeChecked();
  await page.getByRole("radio", { name: "Use different data" }).check();
  await page.getByLabel("WHOIS First Name").fill("Rita");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("WHOIS Last Name")).toHaveAccessibleDescription("Enter the WHOIS contact's last name.");
  await expect(page.getByLabel("WHOIS Last Name")).toBeFocused();
  expect(await findWcagViolations(page), "Order Summary with WHOIS errors").toEqual([]);

  await page.getByLabel("WHOIS Last Name").fill("Registrant");
  await page.getByLabel("WHOIS E-mail").fill("rita@example.com");
  await page.getByLabel("WHOIS Street Address").fill("Hauptstr. 1");
  await page.getByLabel("WHOIS City").fill("Köln");
  await page.getByLabel("WHOIS State").fill("NRW");
  await page.getByLabel("WHOIS Zip").fill("50667");
  await page.getByLabel("WHOIS Country").selectOption("DE");
  await page.getByLabel("WHOIS Phone").fill("+49 221 123456");
  await page.getByRole("button", { name: "Continue" }).click();
  // .com $12.99 a year + 8.25 % Texas sales tax ($1.07) = $14.06.
  await expect(page.getByRole("heading", { name: "Order Details" })).toBeVisible();
  await expect(page.getByText("$14.06").last()).toBeVisible();
  await page.getByRole("checkbox", { name: "I accept the Terms of Service" }).check();
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("heading", { name: "Your Order Has Been Placed" })).toBeVisible();
});
