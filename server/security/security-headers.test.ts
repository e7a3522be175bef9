import { describe, expect, it } from "vitest";
import { CACHED_STOREFRONT_HEADERS, cachedPageContentSecurityPolicy, cachedStorefrontHeaders, HSTS_HEADER, contentSecurityPolicy, isHttpsDeployment, STATIC_SECURITY_HEADERS } from "./security-headers.mjs";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce (no unsafe-eval or unsafe-inline for scripts) and forbids framing", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", https: false });
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("adds unsafe-eval only for next dev, and upgrade-insecure-requests only over https", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: false, development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("cachedPageContentSecurityPolicy", () => {
  it("needs no nonce: inline scripts and this origin's files, still no unsafe-eval; every other directive as the nonce policy", () => {
    const policy = cachedPageContentSecurityPolicy({ https: false });
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'unsafe-inline'");
    const others = (value: string) => value.split("; ").filter((directive) => !directive.startsWith("script-src"));
    expect(others(policy)).toEqual(others(contentSecurityPolicy({ nonce: "n", https: false })));
    expect(cachedPageContentSecurityPolicy({ https: true })).toContain("upgrade-insecure-requests");
  });

  it("is what next.config.mjs sends on the cached storefront pages, fixed at build time: no nonce, no URL-dependent parts", () => {
    expect(CACHED_STOREFRONT_HEADERS).toEqual(cachedStorefrontHeaders({ https: isHttpsDeployment(process.env.NEXTAUTH_URL) }));
    expect(cachedStorefrontHeaders({ https: false })).toEqual([{ key: "Content-Security-Policy", value: cachedPageContentSecurityPolicy({ https: false }) }]);
  });

  it("adds HSTS for an https deployment, as a static header (the same for every visitor), the CSP unchanged", () => {
    expect(cachedStorefrontHeaders({ https: true })).toEqual([...cachedStorefrontHeaders({ https: false }), HSTS_HEADER]);
  });
});

describe("isHttpsDeployment", () => {
  it("follows the scheme of the public URL", () => {
    expect(isHttpsDeployment("https://billing.example.com")).toBe(true);
    expect(isHttpsDeployment("http://localhost:3000")).toBe(false);
    expect(isHttpsDeployment(undefined)).toBe(false);
    expect(isHttpsDeployment("not a url")).toBe(false);
  });
});

it("sends nosniff, a referrer policy, a permissions policy and no framing on every path", () => {
  const keys = STATIC_SECURITY_HEADERS.map(({ key }) => key);
  expect(keys).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"]));
});
