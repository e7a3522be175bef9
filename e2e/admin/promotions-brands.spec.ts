import { randomBytes } from "node:crypto";
import { expect, signInAsStaff, test } from "../fixtures";

test("an admin adds a fixed-amount promo code and a brand; bad input shows field errors", async ({ page }) => {
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  await signInAsStaff(page);
  const nav = page.getByRole("navigation", { name: "Admin area" });

  await nav.getByRole("link", { name: "Promotions" }).click();
  await expect(page.getByRole("table", { name: "Promo codes" }).getByRole("row", { name: /WELCOME10/ })).toContainText("10 %");
  await page.getByRole("link", { name: "Add Promo Code" }).click();
  const form = page.getByRole("form", { name: "Add promo code" });
  await form.getByLabel("Code").fill(`spring-${suffix}`);
  await form.getByLabel("Discount Type").selectOption("FIXED");
  await form.getByLabel("USD").fill("abc");
  await form.getByRole("button", { name: "Save Promo Code" }).click();
  await expect(form.getByText("Enter amounts such as 5.00.")).toBeVisible();
  await form.getByLabel("USD").fill("5");
  await form.getByLabel("Valid Until").fill("2031-12-31");
  await form.getByLabel("Maximum Uses").fill("50");
  await form.getByRole("checkbox", { name: "Once per client" }).check();
  await form.getByRole("group", { name: "Products" }).getByRole("checkbox", { name: /Starter/ }).check();
  await form.getByRole("button", { name: "Save Promo Code" }).click();
  await expect(page.getByText("The promo code is saved.")).toBeVisible();
  const row = page.getByRole("table", { name: "Promo codes" }).getByRole("row", { name: new RegExp(`SPRING-${suffix}`) });
  await expect(row).toContainText("$5.00");
  await expect(row).toContainText("0 of 50");
  await expect(row).toContainText("Dec 31, 2031");

  await nav.getByRole("link", { name: "Brands" }).click();
  await page.getByRole("link", { name: "Add Brand" }).click();
  const brand = page.getByRole("form", { name: "Add brand" });
  await brand.getByLabel("Name", { exact: true }).fill(`Lowlands ${suffix}`);
  await brand.getByLabel("Sender E-mail").fill("not-an-address");
  await brand.getByRole("button", { name: "Save Brand" }).click();
  await expect(brand.getByText("Enter an e-mail address, or leave it empty.")).toBeVisible();
  await brand.getByLabel("Sender E-mail").fill(`billing-${suffix.toLowerCase()}@lowlands.test`);
  await brand.getByRole("button", { name: "Save Brand" }).click();
  await expect(page.getByText("The brand is saved.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Brands" }).getByRole("row", { name: new RegExp(`Lowlands ${suffix}`) })).toContainText(`billing-${suffix.toLowerCase()}@lowlands.test`);
});
