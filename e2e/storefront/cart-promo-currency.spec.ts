import { expect, test } from "../fixtures";
import { fillNewCustomerContact } from "../fixtures/checkout";
import { findWcagViolations } from "../fixtures/axe";

// The cart's own Promo Code field and currency switch (issue #9): a refused code says why on its field, an
// applied one shows what it takes off and fills checkout's Promo Code field; switching the currency prices the
// cart again. Demo: Starter $5.99 (€5.51 at 0.92); WELCOME10 takes 10 % off the first period of hosting.
test("a visitor applies a promo code and switches the currency in the cart; checkout carries the code", async ({ page, customer }) => {
  await page.goto("/products/starter");
  await page.getByRole("radio", { name: /Monthly/ }).check();
  await page.getByRole("button", { name: "Add to Cart" }).click();
  await expect(page.getByRole("heading", { name: "Order Contents" })).toBeVisible();

  const promo = page.getByRole("form", { name: "Promo Code" });
  await promo.getByLabel("Promo Code").fill("NOPE-123");
  await promo.getByRole("button", { name: "Apply" }).click();
  await expect(promo.getByLabel("Promo Code")).toHaveAccessibleDescription("This code does not exist. Check the spelling and try again.");
  await promo.getByLabel("Promo Code").fill("not a code!");
  await promo.getByRole("button", { name: "Apply" }).click();
  // The same message as before: wait for this answer's page, or the next fill races the navigation and is lost.
  await expect(page).toHaveURL(/\/cart\?notice=promo-unknown$/);
  await expect(promo.getByLabel("Promo Code")).toHaveAccessibleDescription("This code does not exist. Check the spelling and try again.");

  await promo.getByLabel("Promo Code").fill("welcome10");
  await promo.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Promo Code WELCOME10: $0.60 off, before tax.")).toBeVisible();
  expect(await findWcagViolations(page), "cart with a promo code").toEqual([]);

  const currency = page.getByRole("form", { name: "Currency" });
  await currency.getByRole("button", { name: "EUR" }).click();
  await expect(currency.getByRole("button", { name: "EUR" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("main")).toContainText("€5.51");
  await expect(page.getByText("Promo Code WELCOME10: €0.55 off, before tax.")).toBeVisible();

  await page.getByRole("link", { name: "Proceed with Purchase" }).click();
  await fillNewCustomerContact(page, customer);
  await expect(page.getByLabel("Promo Code")).toHaveValue("WELCOME10");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Order Details" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Promo Code WELCOME10 (included above)" })).toBeVisible();
});
