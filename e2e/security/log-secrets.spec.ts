import { readFileSync } from "node:fs";
import { expect, signInAsStaff, test } from "../fixtures";

// No secret reaches the server's logs. scripts/e2e.mjs writes the server's stdout and stderr to E2E_SERVER_LOG;
// this spec runs after the journeys (files run in name order), so a full run greps the log of the whole suite:
// every customer's password (the fixture's pattern), the admin password, NEXTAUTH_SECRET, the encryption key
// and session cookies, reset links and two-factor secrets. It also adds failures of its own that tempt an error
// log to print what it was given.

const SESSION_TOKEN = /next-auth\.session-token|eyJhbGciOiJkaXIi[\w-]{10,}/;
const CUSTOMER_PASSWORD = /Secret-[0-9a-f]{8}-pass/;
// From e2e/auth: password-reset links and two-factor enrolment URIs (which carry the secret).
const RESET_TOKEN = /reset\?token=[\w-]{20,}/;
const TOTP_SECRET = /otpauth:\/\//;

test("[SECURITY]: the server's logs of the run hold no password, secret, key or session token", async ({ browser, customer, request }) => {
  const logFile = process.env.E2E_SERVER_LOG;
  expect(logFile, "run through `npm run test:e2e`, which captures the server's output").toBeTruthy();

  // A staff session; its cookie value must not be logged.
  const page = await (await browser.newContext()).newPage();
  await signInAsStaff(page);
  const cookie = (await page.context().cookies()).find(({ name }) => name.includes("session-token"))!;
  expect(cookie).toBeTruthy();
  await page.goto("/admin/settings");

  // A wrong password, and inputs the server refuses while carrying secrets.
  const csrf = ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  await request.post("/api/auth/callback/staff", { form: { csrfToken: csrf, email: "admin@hostlane.local", password: customer.password, json: "true" } });
  await request.post("/api/trpc/checkout.placeOrder", { data: { json: { email: "not-an-email", password: customer.password, confirmPassword: "x" } } });
  await request.post("/api/trpc/checkout.quote", { data: `{"json":{"password":"${customer.password}"` });
  await request.post("/api/trpc/checkout.placeOrder", { headers: { cookie: `${cookie.name}=${cookie.value}` }, data: { json: null } });

  // Let the server flush what it wrote.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const log = readFileSync(logFile!, "utf8");
  expect(log.length).toBeGreaterThan(0);
  const secrets = {
    "the admin password": process.env.E2E_ADMIN_PASSWORD!,
    NEXTAUTH_SECRET: process.env.E2E_AUTH_SECRET!,
    "the encryption key": process.env.E2E_ENCRYPTION_KEY!.split(":")[1]!,
    "this test's password": customer.password,
    "the staff session cookie": cookie.value,
  };
  for (const [name, value] of Object.entries(secrets)) {
    expect(value, name).toBeTruthy();
    expect(log.includes(value), `${name} appears in the server log`).toBe(false);
  }
  expect(log.match(CUSTOMER_PASSWORD)?.[0], "a customer's password appears in the server log").toBeUndefined();
  expect(log.match(SESSION_TOKEN)?.[0], "a session token appears in the server log").toBeUndefined();
  expect(log.match(RESET_TOKEN)?.[0], "a password-reset link appears in the server log").toBeUndefined();
  expect(log.match(TOTP_SECRET)?.[0], "a two-factor secret appears in the server log").toBeUndefined();
});
