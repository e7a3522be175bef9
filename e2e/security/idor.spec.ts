import type { Page } from "@playwright/test";
import { expect, placeOrder, signInAsClient, test } from "../fixtures";

// Client A signed in, visiting client B's real invoice and package URLs: the client area's 404 page, the same as
// for an ID that does not exist. The orders are placed over the real public tRPC endpoint.

const NOT_FOUND_TEXT = "We could not find that page in your account.";

/** The package IDs a client sees in their own list (the hrefs of the package links). */
const ownPackageIds = async (page: Page) => {
  await page.goto("/client/packages");
  const hrefs = await page.locator('a[href^="/client/packages/"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  return hrefs.map((href) => href.split("/").at(-1)!);
};

test("[SECURITY]: a client gets the 404 page for another client's invoice and package URLs", async ({ browser, request }) => {
  const alice = await placeOrder(request, "Alice");
  const bob = await placeOrder(request, "Bob");

  const bobPage = await (await browser.newContext()).newPage();
  await signInAsClient(bobPage, bob);
  const [bobPackageId] = await ownPackageIds(bobPage);
  expect(bobPackageId).toBeTruthy();
  // Bob's own URLs work, so the IDs below are real.
  expect((await bobPage.goto(`/client/invoices/${bob.invoiceId}`))?.status()).toBe(200);
  expect((await bobPage.goto(`/client/packages/${bobPackageId}`))?.status()).toBe(200);

  const alicePage = await (await browser.newContext()).newPage();
  await signInAsClient(alicePage, alice);
  for (const url of [`/client/invoices/${bob.invoiceId}`, `/client/packages/${bobPackageId}`, "/client/invoices/%00", "/client/packages/x%27%20OR%201%3D1"]) {
    const response = await alicePage.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(alicePage.getByText(NOT_FOUND_TEXT)).toBeVisible();
    await expect(alicePage.getByText("Bob")).toHaveCount(0);
  }
  expect((await alicePage.goto(`/client/invoices/${alice.invoiceId}`))?.status()).toBe(200);
});
