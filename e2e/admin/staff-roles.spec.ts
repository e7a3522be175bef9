import { randomBytes } from "node:crypto";
import { appPathIn, expect, latestMailText, signInAsStaff, test } from "../fixtures";

test("an admin invites a Support staff member, who sets a password and is kept out of billing", async ({ page, browser }) => {
  const suffix = randomBytes(4).toString("hex");
  const email = `sue.${suffix}@hostlane.test`;
  const password = `Support-${suffix}-password`;

  await signInAsStaff(page);
  await page.getByRole("navigation", { name: "Admin area" }).getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Add Staff" });
  await form.getByLabel("Name").fill(`Sue Support ${suffix}`);
  await form.getByLabel("E-mail").fill(email);
  await form.getByRole("checkbox", { name: /^Support/ }).check();
  await form.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  await expect(page.getByRole("table", { name: "Staff" }).getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toContainText("Invited");

  // The invitee, in a browser of their own.
  const invitee = await (await browser.newContext()).newPage();
  const invitationPath = appPathIn(await latestMailText(email, "staff-invitation"), "/admin/invitation/");
  await invitee.goto(invitationPath);
  await invitee.getByLabel("New password").fill(password);
  await invitee.getByLabel("Repeat password").fill(password);
  await invitee.getByRole("button", { name: "Set Password" }).click();
  await expect(invitee.getByRole("status")).toContainText("Your password is set");

  // The link works once.
  await invitee.goto(invitationPath);
  await expect(invitee.getByText("This invitation link is invalid, already used or expired")).toBeVisible();

  await invitee.goto("/admin/login");
  await invitee.getByLabel("E-mail").fill(email);
  await invitee.getByLabel("Password").fill(password);
  await invitee.getByRole("button", { name: "Sign In" }).click();
  await invitee.waitForURL("**/admin");
  const nav = invitee.getByRole("navigation", { name: "Admin area" });
  await expect(nav.getByRole("link", { name: "Clients" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Invoices" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Staff" })).toHaveCount(0);

  const allowed = await invitee.goto("/admin/clients");
  expect(allowed?.status()).toBe(200);
  await expect(invitee.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();

  const refused = await invitee.goto("/admin/invoices");
  expect(refused?.status()).toBe(403);
  await expect(invitee.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  expect((await invitee.goto("/admin/staff"))?.status()).toBe(403);
});
