import { describe, expect, it } from "vitest";
import { isCachedStorefrontPath, isStorefrontVariant, storefrontRewrites } from "./storefront-variants.mjs";

describe("isCachedStorefrontPath", () => {
  it("covers the storefront home, product pages and the variant routes they are rewritten to", () => {
    for (const path of ["/", "/products/starter", "/products/starter/", "/shop/default", "/shop/default/products/starter"]) {
      expect(isCachedStorefrontPath(path), path).toBe(true);
    }
  });

  it("leaves the cart, checkout, sign-in, client and staff areas and the API on the nonce policy", () => {
    for (const path of ["/cart", "/checkout", "/login", "/login/forgot", "/client", "/admin", "/admin/products", "/api/trpc/x", "/products", "/products/a/b", "/shopping"]) {
      expect(isCachedStorefrontPath(path), path).toBe(false);
    }
  });
});

it("rewrites the public URLs onto variants it knows", () => {
  for (const { destination } of storefrontRewrites()) {
    expect(isStorefrontVariant(destination.split("/")[2]!)).toBe(true);
  }
  expect(isStorefrontVariant("xx")).toBe(false);
});
