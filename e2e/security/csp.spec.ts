import type { BrowserContext, Page } from "@playwright/test";
import { expect, signInAsStaff, test } from "../fixtures";
import { orderStarterAsNewCustomer } from "../fixtures/checkout";

// Every main page of each area under the real Content Security Policy in Chromium: any violation the browser
// reports (securitypolicyviolation events in every frame, "Content Security Policy" console errors) fails.

type Violation = { url: string; directive: string; blocked: string };

/** Records CSP violations of every page and frame of the context; read them with `violations`. */
const watchCsp = async (context: BrowserContext) => {
  const violations: Violation[] = [];
  await context.exposeBinding("__reportCspViolation", (_source, violation: Violation) => void violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation?: (v: Violation) => void }).__reportCspViolation;
      report?.({ url: location.href, directive: event.effectiveDirective, blocked: event.blockedURI });
    });
  });
  const watch = (page: Page) =>
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
        violations.push({ url: page.url(), directive: "console", blocked: message.text() });
      }
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  return violations;
};

/** Visits `path` and waits until the page is hydrated and idle, so late scripts and styles are checked too. */
const visit = async (page: Page, path: string) => {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
};

test("[SECURITY]: storefront, checkout and client area pages raise no CSP violation", async ({ browser, customer }) => {
  const context = await browser.newContext();
  const violations = await watchCsp(context);
  const page = await context.newPage();

  await visit(page, "/");
  await visit(page, "/login");
  await visit(page, "/login/forgot");
  await visit(page, "/products/starter");
  // Hydrated: the client-side form logic of the cart and checkout runs (it would not if Next's inline scripts were blocked).
  await orderStarterAsNewCustomer(page, customer);

  for (const path of ["/client", "/client/invoices", "/client/packages", "/client/contacts", "/client/billing-accounts", "/client/domains", "/client/security"]) {
    await visit(page, path);
  }
  await page.goto("/client/invoices");
  await page.getByRole("link", { name: /INV-\d+/ }).first().click();
  await page.waitForURL(/\/client\/invoices\/.+/);
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("[SECURITY]: staff sign-in and the admin area's main pages raise no CSP violation; the mail preview still renders", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const violations = await watchCsp(context);
  const page = await context.newPage();
  await visit(page, "/admin/login");
  await visit(page, "/admin/login/forgot");
  await signInAsStaff(page);
  const adminPages = ["/admin", "/admin/clients", "/admin/orders", "/admin/invoices", "/admin/packages", "/admin/products", "/admin/tasks", "/admin/queue",
    "/admin/audit", "/admin/settings", "/admin/staff", "/admin/roles", "/admin/api-keys", "/admin/account/security"];
  for (const path of adminPages) await visit(page, path);
  // A run's page (the first test's order started workflows): its bundle shares the System Queue's modules.
  await page.goto("/admin/queue");
  await page.locator('a[href^="/admin/queue/runs/"]').first().click();
  await page.waitForURL(/\/admin\/queue\/runs\/.+/);
  await page.waitForLoadState("networkidle");
  // A mail's HTML part in its sandboxed srcdoc iframe (which inherits the page's policy) still shows. The first
  // test's order queued mails; the seeded administrator has every permission.
  await page.goto("/admin/settings");
  const firstMail = page.getByRole("table", { name: /outbox/i }).getByRole("link").first();
  await firstMail.click();
  await page.waitForLoadState("networkidle");
  await expect(page.frameLocator('iframe[title="HTML part"]').locator("body")).not.toBeEmpty();
  expect(violations).toEqual([]);
});

test("[SECURITY]: pages, API answers and static files carry the security headers", async ({ request, page }) => {
  // Pages rendered per request (sign-in, cart, client and staff areas): a fresh nonce per response.
  const first = await request.get("/login");
  const second = await request.get("/login");
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  const nonce = policy.match(/'nonce-([^']+)'/)![1]!;
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  // Unknown URLs too (app/[...unmatched]), and the cart.
  for (const path of ["/no-such-page", "/cart"]) {
    expect((await request.get(path)).headers()["content-security-policy"], path).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  }

  // The cached storefront pages (the same bytes for everyone): no nonce, inline scripts allowed, still no eval.
  const home = await request.get("/");
  const homePolicy = home.headers()["content-security-policy"]!;
  expect(homePolicy).toContain("script-src 'self' 'unsafe-inline';");
  expect(homePolicy).toContain("frame-ancestors 'none'");
  expect(homePolicy).not.toContain("unsafe-eval");
  expect(homePolicy).not.toContain("nonce-");

  // Files in public/ carry no HTML: proxy.ts skips them (no nonce to pay for), the static headers stay.
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-security-policy"]).toBeUndefined();

  await page.goto("/");
  const script = await page.locator("script[src]").first().getAttribute("src");
  for (const response of [first, home, robots, await request.get("/api/health"), await request.get(script!)]) {
    const headers = response.headers();
    expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
    expect(headers["referrer-policy"], response.url()).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], response.url()).toContain("camera=()");
    expect(headers["x-frame-options"], response.url()).toBe("DENY");
    // Served over plain http here: no HSTS (e2e/security/test-hooks.spec.ts checks it under an https URL).
    expect(headers["strict-transport-security"], response.url()).toBeUndefined();
  }
});
