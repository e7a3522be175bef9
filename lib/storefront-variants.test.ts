import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { isCachedStorefrontPath, isStorefrontVariant, localizedPath, storefrontPath, storefrontRewrites, storefrontVariant, variantCurrency, variantLocale } from "./storefront-variants.mjs";

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

it("proxy.ts runs exactly for the paths that are not cached storefront pages (its matcher and isCachedStorefrontPath agree)", () => {
  const matcher = new RegExp(`^${config.matcher[0]}$`);
  const paths = ["/", "/products/starter", "/products/starter/", "/shop", "/shop/default", "/shop/default/products/starter",
    "/cart", "/checkout", "/login", "/client/invoices", "/admin", "/api/trpc/x", "/products", "/products/a/b", "/shopping", "/robots.txt.bak", "/robots.txt/x", "/no-such-page"];
  for (const path of paths) expect(matcher.test(path), path).toBe(!isCachedStorefrontPath(path));
  expect(matcher.test("/_next/static/chunks/x.js")).toBe(false);
});

it("proxy.ts skips every file in public/ (static files must not pay for a CSP nonce)", () => {
  const matcher = new RegExp(`^${config.matcher[0]}$`);
  const files = readdirSync("public");
  expect(files.length).toBeGreaterThan(0);
  for (const file of [...files, "favicon.ico"]) expect(matcher.test(`/${file}`), file).toBe(false);
});

it("rewrites the public URLs onto variants it knows", () => {
  for (const { destination } of storefrontRewrites()) {
    expect(isStorefrontVariant(destination.split("/")[2]!)).toBe(true);
  }
  expect(isStorefrontVariant("xx")).toBe(false);
});

it("names currency variants by their code and builds their URLs", () => {
  expect(isStorefrontVariant("eur")).toBe(true);
  expect(isStorefrontVariant("EUR")).toBe(false);
  expect(variantCurrency("eur")).toBe("EUR");
  expect(variantCurrency("default")).toBeNull();
  expect(storefrontVariant({ locale: "en", currency: "USD", defaultCurrency: "USD" })).toBe("default");
  expect(storefrontVariant({ locale: "en", currency: "EUR", defaultCurrency: "USD" })).toBe("eur");
  expect(storefrontPath("default", "/products/starter")).toBe("/products/starter");
  expect(storefrontPath("eur", "/")).toBe("/shop/eur");
  expect(storefrontPath("eur", "/products/starter")).toBe("/shop/eur/products/starter");
  for (const path of ["/shop/eur", "/shop/eur/products/starter"]) expect(isCachedStorefrontPath(path), path).toBe(true);
});

it("names language variants by the language, with the currency after it, and refuses languages without a translation", () => {
  expect(storefrontVariant({ locale: "de", currency: "USD", defaultCurrency: "USD" })).toBe("de");
  expect(storefrontVariant({ locale: "de", currency: "EUR", defaultCurrency: "USD" })).toBe("de-eur");
  expect(variantLocale("de-eur")).toBe("de");
  expect(variantCurrency("de-eur")).toBe("EUR");
  expect(variantLocale("de")).toBe("de");
  expect(variantCurrency("de")).toBeNull();
  expect(variantLocale("eur")).toBe("en");
  expect(variantLocale("default")).toBe("en");
  // English is the default variant, not a second cached copy of it; "fr" has no translation.
  for (const variant of ["en", "en-eur", "fr", "fr-eur", "de-", "de-EUR", "deu"]) expect(isStorefrontVariant(variant), variant).toBe(variant === "deu");
  for (const path of ["/shop/de", "/shop/de-eur/products/starter"]) expect(isCachedStorefrontPath(path), path).toBe(true);
});

it("leads the language switch to the same page in the language, keeping the currency, and nowhere outside the site", () => {
  expect(localizedPath("/", "de", "USD")).toBe("/shop/de");
  expect(localizedPath("/products/starter", "de", "USD")).toBe("/shop/de/products/starter");
  expect(localizedPath("/shop/eur/products/starter", "de", "USD")).toBe("/shop/de-eur/products/starter");
  expect(localizedPath("/shop/de-eur", "en", "USD")).toBe("/shop/eur");
  expect(localizedPath("/shop/de/products/starter", "en", "USD")).toBe("/products/starter");
  expect(localizedPath("/cart", "de", "USD")).toBe("/cart");
  expect(localizedPath("/client/invoices/abc", "de", "USD")).toBe("/client/invoices/abc");
  for (const outside of ["https://evil.example", "//evil.example", "/\\evil.example", "", "javascript:alert(1)"]) {
    expect(localizedPath(outside, "de", "USD"), outside).toBe("/shop/de");
  }
});
