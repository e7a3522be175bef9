import { expect, latestMailText, test } from "../fixtures";
import { findWcagViolations } from "../fixtures/axe";

// A visitor switches the storefront to German and orders in German: the cached German pages (/shop/de…), the
// cart and checkout (the language cookie), the new account's language for its mails, and the client area.
// Demo: Starter $5.99 / month; Texas sales tax 8.25 % → $0.49; total $6.48 ("6,48 $" in German).
test("[JOURNEY]: a visitor switches to Deutsch, orders Starter in German, gets German mails and a German client area", async ({ page, customer }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(/\/shop\/de$/);
  await expect(page.getByRole("heading", { name: "Produkte", level: 1 })).toBeVisible();
  await expect(page.locator("main").locator("xpath=..")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("list", { name: "Preise für Starter" })).toContainText("Monatlich: 5,99 $ / Monat");
  expect(await findWcagViolations(page), "/shop/de").toEqual([]);

  await page.getByRole("link", { name: "Starter bestellen" }).click();
  await expect(page).toHaveURL(/\/shop\/de\/products\/starter$/);
  await page.getByRole("radio", { name: /Monatlich/ }).check();
  await page.getByRole("button", { name: "In den Warenkorb" }).click();

  await expect(page.getByRole("heading", { name: "Bestellinhalt" })).toBeVisible();
  await expect(page.getByText("Das Produkt wurde in Ihren Warenkorb gelegt.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("5,99 $");
  await page.getByRole("link", { name: "Zur Kasse gehen" }).click();

  await expect(page.getByRole("heading", { name: "Bestellübersicht" })).toBeVisible();
  await page.getByLabel("Vorname", { exact: true }).fill(customer.firstName);
  await page.getByLabel("Nachname", { exact: true }).fill(customer.lastName);
  await page.getByLabel("E-Mail", { exact: true }).fill(customer.email);
  await page.getByLabel("Straße und Hausnummer", { exact: true }).fill("1 Analytical Way");
  await page.getByLabel("Ort", { exact: true }).fill("Austin");
  await page.getByLabel("Bundesland/Region", { exact: true }).fill("TX");
  await page.getByLabel("PLZ", { exact: true }).fill("73301");
  await page.getByLabel("Land", { exact: true }).selectOption("US");
  await expect(page.getByLabel("Land", { exact: true }).locator("option:checked")).toHaveText("Vereinigte Staaten");
  await page.getByLabel("Telefon", { exact: true }).fill("+1 512 555 0100");
  await page.getByLabel("Passwort", { exact: true }).fill(customer.password);
  await page.getByLabel("Passwort bestätigen", { exact: true }).fill(customer.password);
  await page.getByRole("radio", { name: "Banküberweisung" }).check();
  await page.getByRole("button", { name: "Weiter" }).click();

  await expect(page.getByRole("heading", { name: "Bestelldetails" })).toBeVisible();
  // The invoice lines are issued in German too.
  await expect(page.getByRole("rowheader", { name: "Starter (Monatlich)" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("6,48 $");
  await page.getByRole("checkbox", { name: "Ich akzeptiere die AGB" }).check();
  await page.getByRole("button", { name: "Bestellung aufgeben" }).click();
  await expect(page.getByRole("heading", { name: "Ihre Bestellung ist eingegangen" })).toBeVisible();
  expect(await findWcagViolations(page), "German confirmation").toEqual([]);

  // The new contact's language is German, so the order's mails are German.
  const confirmation = await latestMailText(customer.email, "order-confirmation");
  expect(confirmation).toContain(`Hallo ${customer.firstName},`);
  expect(confirmation).toContain("Vielen Dank für Ihre Bestellung");
  expect(confirmation).toContain("Gesamt: 6,48\u00a0$"); // the German format keeps the amount and symbol together
  expect(await latestMailText(customer.email, "invoice-created")).toContain("als Verwendungszweck an");

  // The client area follows the visitor's language; the switch there turns it back to English.
  await page.getByRole("link", { name: "Zum Kundenbereich" }).click();
  await expect(page.getByRole("heading", { name: "Übersicht" })).toBeVisible();
  await page.getByRole("navigation", { name: "Kundenbereich" }).getByRole("link", { name: "Rechnungen" }).click();
  await expect(page.getByRole("heading", { name: "Rechnungen", level: 1 })).toBeVisible();
  await page.getByRole("table", { name: "Rechnungen" }).getByRole("link", { name: /^INV-/ }).click();
  await expect(page.getByRole("heading", { name: /^Rechnung / })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Offener Betrag");
  await expect(page.getByRole("main")).toContainText("6,48 $");
  expect(await findWcagViolations(page), "German invoice").toEqual([]);

  await page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("main")).toContainText("Balance Due");
  await expect(page.getByRole("main")).toContainText("$6.48");
});

test("the language switch leads nowhere outside the shop, and a language without a translation is not a storefront page", async ({ request }) => {
  const response = await request.get("/api/storefront/language?locale=de&next=//evil.example/x", { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toBe("/shop/de");
  expect((await request.get("/api/storefront/language?locale=fr&next=/cart", { maxRedirects: 0 })).status()).toBe(400);
  expect((await request.get("/shop/fr")).status()).toBe(404);
  expect((await request.get("/shop/en")).status()).toBe(404);
});

test("a visitor who lands on a German product page gets a German cart from Add to Cart, without using the switch", async ({ page }) => {
  await page.goto("/shop/de/products/starter");
  await page.getByRole("button", { name: "In den Warenkorb" }).click();
  await expect(page.getByRole("heading", { name: "Bestellinhalt" })).toBeVisible();
  await page.getByRole("link", { name: "Weiter einkaufen" }).click();
  await expect(page).toHaveURL(/\/shop\/de$/);
});

test("a client whose contact language is German gets a German client area on signing in from a browser that chose no language", async ({ browser, page, customer }) => {
  // The account is made in German (the checkout's language becomes the contact's).
  await page.goto("/shop/de/products/starter");
  await page.getByRole("button", { name: "In den Warenkorb" }).click();
  await page.getByRole("link", { name: "Zur Kasse gehen" }).click();
  await page.getByLabel("Vorname", { exact: true }).fill(customer.firstName);
  await page.getByLabel("Nachname", { exact: true }).fill(customer.lastName);
  await page.getByLabel("E-Mail", { exact: true }).fill(customer.email);
  await page.getByLabel("Straße und Hausnummer", { exact: true }).fill("1 Analytical Way");
  await page.getByLabel("Ort", { exact: true }).fill("Austin");
  await page.getByLabel("Bundesland/Region", { exact: true }).fill("TX");
  await page.getByLabel("PLZ", { exact: true }).fill("73301");
  await page.getByLabel("Telefon", { exact: true }).fill("+1 512 555 0100");
  await page.getByLabel("Passwort", { exact: true }).fill(customer.password);
  await page.getByLabel("Passwort bestätigen", { exact: true }).fill(customer.password);
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.getByRole("checkbox", { name: "Ich akzeptiere die AGB" }).check();
  await page.getByRole("button", { name: "Bestellung aufgeben" }).click();
  await expect(page.getByRole("heading", { name: "Ihre Bestellung ist eingegangen" })).toBeVisible();

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("/login");
  await expect(fresh.getByRole("heading", { name: "Sign in to your client area" })).toBeVisible();
  await fresh.getByLabel("E-mail or User Name").fill(customer.email);
  await fresh.getByLabel("Password").fill(customer.password);
  await fresh.getByRole("button", { name: "Sign In" }).click();
  await expect(fresh.getByRole("heading", { name: "Übersicht" })).toBeVisible();
});
