import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { orderStarterAsNewCustomer } from "../fixtures/checkout";
import { expect, signInAsStaff, test } from "../fixtures";

// The storefront home and product pages come from Next's cache: the same bytes for everyone, personal parts
// filled in by the browser, and a price change in the admin visible on the very next request (issue #8).

const CACHED_PATHS = ["/", "/products/business", "/products/starter", "/shop/eur", "/shop/eur/products/starter", "/shop/de", "/shop/de-eur/products/starter"];

/** What makes a response shareable: no cookie set, a shared-cache lifetime, nothing private. */
const expectShareable = (response: APIResponse) => {
  const headers = response.headers();
  expect(response.status(), response.url()).toBe(200);
  expect(headers["set-cookie"], response.url()).toBeUndefined();
  expect(headers["cache-control"], response.url()).toMatch(/s-maxage=\d+/);
  expect(headers["cache-control"], response.url()).not.toMatch(/private|no-store|no-cache/);
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).not.toContain("nonce-");
  expect(policy).not.toContain("unsafe-eval");
};

/**
 * A response from the server's stored copy of the page (server/storefront/serve-cached-pages.ts): it is taken
 * just after a request that Next answered, and is fresh for a second, so ask until one comes from it.
 */
const storedCopy = async (request: APIRequestContext, path: string, contains: string) => {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const response = await request.get(path);
    if (response.headers()["x-hostlane-page-store"] === "HIT" && (await response.text()).includes(contains)) return response;
  }
  throw new Error(`${path} never came from the stored copy with "${contains}"`);
};

/** Changes one billing cycle's price on Admin → Products, as staff do. */
const editPrice = async (page: Page, label: string, amount: string) => {
  await page.goto("/admin/products");
  const form = page.getByRole("form", { name: `Edit ${label} price` });
  await page.getByText(`Edit ${label} price`, { exact: true }).click();
  await form.getByLabel("Price").fill(amount);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("Saved");
};

test("[STOREFRONT]: a price change in the admin shows on the next request, which renders once and is then served from the cache", async ({ browser, request }) => {
  // Before the change the server answers the page from its stored copy of Next's cached response: the bytes
  // and headers Next sends (asked with the fill header, which goes to Next), gzipped or not.
  await request.get("/products/business");
  const stored = await storedCopy(request, "/products/business", "$14.99");
  const fromNext = await request.get("/products/business", { headers: { "x-hostlane-page-store-fill": "1", "accept-encoding": "identity" } });
  expect(fromNext.headers()["x-hostlane-page-store"]).toBeUndefined();
  expect(fromNext.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(stored.headers()["content-encoding"]).toBe("gzip");
  expect(await stored.text()).toBe(await fromNext.text());
  for (const name of ["cache-control", "content-security-policy", "content-type", "vary", "x-content-type-options", "x-nextjs-cache"]) {
    expect(stored.headers()[name], name).toBe(fromNext.headers()[name]);
  }
  expectShareable(stored);
  // Requests that Next may answer differently always reach it, however fresh the copy: a query string, an RSC
  // request (client-side navigation).
  for (const [url, headers] of [["/products/business?utm_source=x", {}], ["/products/business", { rsc: "1" }]] as const) {
    expect((await request.get(url, { headers, maxRedirects: 0 })).headers()["x-hostlane-page-store"], url).toBeUndefined();
  }

  const staffPage = await (await browser.newContext()).newPage();
  await signInAsStaff(staffPage);
  await editPrice(staffPage, "Business Monthly", "17.45");

  // The change invalidated the cached pages: the next request renders afresh (MISS) with the new price, the
  // one after is the stored copy (HIT), byte for byte.
  const miss = await request.get("/products/business");
  expect(miss.headers()["x-nextjs-cache"]).toBe("MISS");
  expect(await miss.text()).toContain("$17.45");
  const hit = await request.get("/products/business");
  expect(hit.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await hit.text()).toBe(await miss.text());
  expectShareable(hit);
  const home = await request.get("/");
  expect(await home.text()).toContain("$17.45");
  // The stored copy taken after the change has the new price.
  await storedCopy(request, "/products/business", "$17.45");

  // Back to the seeded price, again visible at once.
  await editPrice(staffPage, "Business Monthly", "14.99");
  const restored = await request.get("/products/business");
  expect(await restored.text()).toContain("$14.99");
  expect(await restored.text()).not.toContain("$17.45");
  expect(await (await storedCopy(request, "/products/business", "$14.99")).text()).not.toContain("$17.45");
});

test("[STOREFRONT]: a signed-in client with a cart and an anonymous visitor get the same bytes; the header fills in after load without moving anything", async ({
  browser,
  request,
  customer,
}) => {
  const clientContext = await browser.newContext();
  const clientPage = await clientContext.newPage();
  await orderStarterAsNewCustomer(clientPage, customer);
  // Signed in now; one more item in the cart.
  await clientPage.goto("/products/business");
  await clientPage.getByRole("button", { name: "Add to Cart" }).click();
  await expect(clientPage.getByRole("heading", { name: "Order Contents" })).toBeVisible();

  for (const path of CACHED_PATHS) {
    await request.get(path); // fill the cache if this run has not yet
    const anonymous = await request.get(path);
    const signedIn = await clientContext.request.get(path);
    for (const response of [anonymous, signedIn]) {
      expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
      expectShareable(response);
    }
    const body = await signedIn.text();
    expect(body, path).toBe(await anonymous.text());
    expect(body).not.toContain(customer.email);
    expect(body).not.toContain(customer.lastName);
  }

  // In the browser the cached page gets the personal links from /api/storefront/visitor, and no layout shift.
  await clientPage.goto("/products/starter");
  await expect(clientPage.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
  await expect(clientPage.getByRole("link", { name: "Client Area" })).toBeVisible();
  await expect(clientPage.getByRole("link", { name: "Sign In" })).toHaveCount(0);
  const layoutShift = await clientPage.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
  expect(layoutShift).toBe(0);

  const visitor = await clientContext.request.get("/api/storefront/visitor");
  expect(visitor.headers()["cache-control"]).toContain("no-store");
  expect(await visitor.json()).toEqual({ isClient: true, cartCount: 1 });
  const anonymousVisitor = await request.get("/api/storefront/visitor");
  expect(await anonymousVisitor.json()).toEqual({ isClient: false, cartCount: 0 });
});

test("[STOREFRONT]: a cart error sent back to a cached product page shows its fixed message, never the query's text", async ({ page }) => {
  // Within main: Next's route announcer is an (empty) alert too.
  const alerts = page.getByRole("main").getByRole("alert");
  await page.goto("/products/starter?error=unavailable");
  await expect(alerts).toContainText("This billing cycle is no longer offered.");
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(alerts).toHaveCount(0);
  await page.goto("/products/starter?error=%3Cb%3Ehello%3C%2Fb%3E");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Starter" })).toBeVisible();
  await expect(alerts).toHaveCount(0);
  await expect(page.getByText("hello")).toHaveCount(0);
});

test("[STOREFRONT]: unknown products and unknown variants are 404s, not cached catalog pages", async ({ request }) => {
  expect((await request.get("/products/no-such-product")).status()).toBe(404);
  expect((await request.get("/shop/xx")).status()).toBe(404);
  expect((await request.get("/shop/xx/products/starter")).status()).toBe(404);
  // The variant route is the same page as the public URL.
  const viaVariant = await request.get("/shop/default/products/starter");
  expect(viaVariant.status()).toBe(200);
});
