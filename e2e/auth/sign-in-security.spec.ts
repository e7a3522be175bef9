import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { findWcagViolations } from "../fixtures/axe";
import { appPathIn, expect, latestMailText, newPassword, newVisitor, placeOrder, signInAsClient, signInAsStaff, storeSetting, submitSignIn, test } from "../fixtures";

// The sign-in security features through the real UI in Chromium: two-factor enrolment and sign-in (with its
// replay refusal), recovery codes, "Forgot your password?", Change Password, the lockout and its message, and the staff two-factor
// requirement. Each test has its own new account and its own client address (newVisitor), so none depends on
// another's rate-limit counters.

const STEP_SECONDS = 30;
/** Seconds a code must have left in its time-step, so the server checks it in the step it was made for. */
const STEP_MARGIN_SECONDS = 5;

/**
 * The code an authenticator app shows `offsetSteps` time-steps from now. Close to the end of a step it first
 * waits for the next one: the server accepts one step of drift, so a previous step's code made just before a
 * step boundary is two steps old by the time the form reaches the server (a flaky refusal otherwise).
 */
const totpCode = async (secret: string, offsetSteps = 0) => {
  const left = STEP_SECONDS - ((Date.now() / 1000) % STEP_SECONDS);
  if (left < STEP_MARGIN_SECONDS) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * STEP_SECONDS });
};

/** The form's error message (not Next's route announcer, which also has role="alert"). */
const alertIn = (page: Page) => page.getByRole("main").getByRole("alert");

const WRONG_PASSWORD = "The e-mail address or password is not correct.";
const WRONG_CODE = "That code is not correct. Enter the current code from your app, or a recovery code.";

/**
 * On the account's Security page (already open): starts the set-up, reads the secret shown beside the QR code
 * and confirms with the previous time-step's code (the server accepts one step of drift), so the current code
 * is still unused for the sign-in that follows. Answers the secret and the ten recovery codes shown.
 */
const enrolTwoFactor = async (page: Page, { scanWcag = false } = {}) => {
  await page.getByRole("button", { name: "Set Up Two-Factor Authentication" }).click();
  const qr = page.getByRole("img", { name: "QR code for your authenticator app" });
  await expect(qr).toBeVisible();
  if (scanWcag) expect(await findWcagViolations(page), "two-factor set-up").toEqual([]);
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn On Two-Factor Authentication" }).click();
  await expect(alertIn(page)).toHaveText("That code is not correct.");
  await page.getByLabel("Code from your app").fill(await totpCode(secret, -1));
  await page.getByRole("button", { name: "Turn On Two-Factor Authentication" }).click();

  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
  if (scanWcag) expect(await findWcagViolations(page), "recovery codes").toEqual([]);
  expect(new Set(recoveryCodes).size).toBe(10);
  await page.getByRole("button", { name: "I Have Saved My Recovery Codes" }).click();
  await expect(page.getByLabel("Code to turn it off")).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" })).toHaveCount(0);
  return { secret, recoveryCodes };
};

const signOut = async (page: Page, signInPath: "/login" | "/admin/login") => {
  await page.getByRole("button", { name: "Sign Out", exact: true }).click();
  await page.waitForURL(`**${signInPath}`);
};

/** Password step, then the code step with `code`; waits for nothing after submitting the code. */
const signInWithCode = async (page: Page, path: "/login" | "/admin/login", credentials: { email: string; password: string }, code: string) => {
  await submitSignIn(page, path, credentials);
  const codeField = page.getByLabel("Authentication code");
  await expect(codeField).toBeVisible();
  await codeField.fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
};

/** A new client account (over the public checkout), signed in on its own visitor's page, on its Security page. */
const clientOnSecurityPage = async (browser: Parameters<typeof newVisitor>[0], request: Parameters<typeof placeOrder>[0], name: string) => {
  const visitor = await newVisitor(browser);
  const customer = await placeOrder(request, name, visitor.headers);
  await signInAsClient(visitor.page, customer);
  await visitor.page.getByRole("navigation", { name: "Client area" }).getByRole("link", { name: "Security" }).click();
  await expect(visitor.page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  return { ...visitor, customer };
};

test("[AUTH]: a client enrols in two-factor, then signs in with password and code; a replayed code is refused", async ({ browser, request }) => {
  const { page, customer } = await clientOnSecurityPage(browser, request, "Tess");
  const { secret } = await enrolTwoFactor(page, { scanWcag: true });
  await signOut(page, "/login");

  // The password alone no longer signs in: the code step follows, and a wrong code is refused there.
  await signInWithCode(page, "/login", customer, "000000");
  await expect(alertIn(page)).toHaveText(WRONG_CODE);
  expect(await findWcagViolations(page), "code step").toEqual([]);
  const code = await totpCode(secret);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL("**/client");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();

  // The same code again (still inside its 30-second window) is a replay.
  await signOut(page, "/login");
  await signInWithCode(page, "/login", customer, code);
  await expect(alertIn(page)).toHaveText(WRONG_CODE);
  await page.goto("/client/security");
  await expect(page).toHaveURL(/\/login$/);
});

test("[AUTH]: two-factor turns off only with a code; a client signs in with a recovery code, which is refused a second time", async ({ browser, request }) => {
  const { page, customer } = await clientOnSecurityPage(browser, request, "Rory");
  const earlier = await enrolTwoFactor(page);
  // Turning it off needs a code; afterwards the panel offers a fresh set-up (not the old secret).
  await page.getByLabel("Code to turn it off").fill("111111");
  await page.getByRole("button", { name: "Turn Off Two-Factor Authentication" }).click();
  await expect(alertIn(page)).toHaveText("That code is not correct.");
  await page.getByLabel("Code to turn it off").fill(await totpCode(earlier.secret));
  await page.getByRole("button", { name: "Turn Off Two-Factor Authentication" }).click();
  await expect(page.getByRole("button", { name: "Set Up Two-Factor Authentication" })).toBeVisible();
  await expect(page.getByTestId("totp-secret")).toHaveCount(0);

  const { secret, recoveryCodes } = await enrolTwoFactor(page);
  expect(secret).not.toBe(earlier.secret);
  const [first, second] = recoveryCodes;
  await signOut(page, "/login");

  await signInWithCode(page, "/login", customer, first!);
  await page.waitForURL("**/client");
  await signOut(page, "/login");

  await signInWithCode(page, "/login", customer, first!);
  await expect(alertIn(page)).toHaveText(WRONG_CODE);
  // Another one still works (lower case, without its dash, as people type them).
  await page.getByLabel("Authentication code").fill(second!.replace("-", "").toLowerCase());
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL("**/client");
});

test("[AUTH]: \"Forgot your password?\" mails a one-time link; the new password works, the old one and other sessions end", async ({ browser, request }) => {
  const visitor = await newVisitor(browser);
  const { page } = visitor;
  const customer = await placeOrder(request, "Paz", visitor.headers);
  // A session in another browser, open before the reset.
  const other = await newVisitor(browser);
  await signInAsClient(other.page, customer);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail").fill(customer.email);
  await page.getByRole("button", { name: "Send Reset Link" }).click();
  const answer = "If an account uses this address, we have sent it a link to reset the password. The link is valid for 30 minutes.";
  await expect(page.getByRole("status")).toHaveText(answer);

  // An unknown address gets the same answer (and no mail).
  await page.goto("/login/forgot");
  await page.getByLabel("E-mail").fill(`nobody.${randomBytes(4).toString("hex")}@example.test`);
  await page.getByRole("button", { name: "Send Reset Link" }).click();
  await expect(page.getByRole("status")).toHaveText(answer);

  const resetPath = appPathIn(await latestMailText(customer.email, "password-reset"), "/login/reset");
  const changedPassword = newPassword();
  await page.goto(resetPath);
  await page.getByLabel("New Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm New Password").fill("short");
  await page.getByRole("button", { name: "Set New Password" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("New Password", { exact: true }).fill(changedPassword);
  await page.getByLabel("Confirm New Password").fill(changedPassword);
  await page.getByRole("button", { name: "Set New Password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed and every other session has been signed out.");

  // The link is spent.
  await page.goto(resetPath);
  await page.getByLabel("New Password", { exact: true }).fill(`${changedPassword}-again`);
  await page.getByLabel("Confirm New Password").fill(`${changedPassword}-again`);
  await page.getByRole("button", { name: "Set New Password" }).click();
  await expect(alertIn(page)).toHaveText("This reset link is invalid, already used or expired. Ask for a new one.");

  // The other browser's session has ended: its next request lands on the sign-in page.
  await other.page.goto("/client");
  await other.page.waitForURL("**/login");

  await submitSignIn(page, "/login", customer);
  await expect(alertIn(page)).toHaveText(WRONG_PASSWORD);
  await signInAsClient(page, { email: customer.email, password: changedPassword });
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});

test("[AUTH]: a client changes the password on the Security page; a wrong current password is a field error, the change signs out", async ({ browser, request }) => {
  const { page, customer } = await clientOnSecurityPage(browser, request, "Cleo");
  const form = page.getByRole("form", { name: "Change password" });
  const changedPassword = newPassword();

  await form.getByLabel("Current Password").fill(`${customer.password}-wrong`);
  await form.getByLabel("New Password", { exact: true }).fill(changedPassword);
  await form.getByLabel("Confirm New Password").fill(changedPassword);
  await form.getByRole("button", { name: "Change Password" }).click();
  await expect(form.getByText("Your current password is not correct.")).toBeVisible();

  await form.getByLabel("Current Password").fill(customer.password);
  await form.getByRole("button", { name: "Change Password" }).click();
  await page.waitForURL("**/login");
  await submitSignIn(page, "/login", customer);
  await expect(alertIn(page)).toHaveText(WRONG_PASSWORD);
  await signInAsClient(page, { email: customer.email, password: changedPassword });
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});

test("[AUTH]: repeated wrong passwords lock the account with a message that says how long; the right one is refused meanwhile", async ({ browser, request }) => {
  const { page, headers } = await newVisitor(browser);
  const customer = await placeOrder(request, "Lock", headers);
  const wrong = { email: customer.email, password: `${customer.password}-wrong` };

  // Five failures in a row (RATE_LIMITS.signInAccount): the fifth starts the first lockout, one minute.
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await submitSignIn(page, "/login", wrong);
    await expect(alertIn(page)).toHaveText(WRONG_PASSWORD);
  }
  await submitSignIn(page, "/login", wrong);
  await expect(alertIn(page)).toHaveText("Too many attempts. Try again in 1 minute.");

  // The right password changes nothing while the lockout lasts (the form says how much of it is left).
  await submitSignIn(page, "/login", customer);
  await expect(alertIn(page)).toHaveText(/^Too many attempts\. Try again in (\d+ seconds|1 minute)\.$/);
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/client");
  await expect(page).toHaveURL(/\/login$/);
});

test("[AUTH]: an administrator without two-factor is sent to set it up before any admin page, then reaches the dashboard", async ({ browser, page }) => {
  // A second Administrator, invited by the seeded one (the seeded one stays without two-factor for other specs).
  const suffix = randomBytes(4).toString("hex");
  const admin = { email: `ada.admin.${suffix}@hostlane.test`, password: newPassword() };
  await signInAsStaff(page);
  await page.goto("/admin/staff");
  const form = page.getByRole("form", { name: "Add Staff" });
  await form.getByLabel("Name").fill(`Ada Admin ${suffix}`);
  await form.getByLabel("E-mail").fill(admin.email);
  await form.getByRole("checkbox", { name: /^Administrator/ }).check();
  await form.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${admin.email}`);

  const { page: invitee } = await newVisitor(browser);
  await invitee.goto(appPathIn(await latestMailText(admin.email, "staff-invitation"), "/admin/invitation/"));
  await invitee.getByLabel("New password").fill(admin.password);
  await invitee.getByLabel("Repeat password").fill(admin.password);
  await invitee.getByRole("button", { name: "Set Password" }).click();
  await expect(invitee.getByRole("status")).toContainText("Your password is set");

  // The default policy: staff who hold staff.manage or settings.manage must use two-factor.
  await storeSetting("security.staff-two-factor", "privileged");
  try {
    await submitSignIn(invitee, "/admin/login", admin);
    await invitee.waitForURL("**/admin/account/security");
    await expect(invitee.getByRole("status").filter({ hasText: "Your role requires two-factor authentication. Set it up to continue." })).toBeVisible();
    // Every admin page sends them back here until it is set up.
    await invitee.goto("/admin/clients");
    await invitee.waitForURL("**/admin/account/security");

    const { secret } = await enrolTwoFactor(invitee);
    await expect(invitee.getByText("Your role requires two-factor authentication.")).toHaveCount(0);
    await invitee.getByRole("navigation", { name: "Admin area" }).getByRole("link", { name: "Dashboard" }).click();
    await invitee.waitForURL(/\/admin$/);
    await expect(invitee.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    expect((await invitee.goto("/admin/clients"))?.status()).toBe(200);

    // From now on the staff sign-in asks for the code too.
    await signOut(invitee, "/admin/login");
    await signInWithCode(invitee, "/admin/login", admin, await totpCode(secret));
    await invitee.waitForURL(/\/admin$/);
    await expect(invitee.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  } finally {
    // The other specs sign the seeded administrator in without two-factor (signInAsStaff sets "off" as well).
    await storeSetting("security.staff-two-factor", "off");
  }
});
