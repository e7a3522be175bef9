import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { invalidateStorefrontCatalog } from "@/server/catalog/storefront-catalog-cache";
import { dropStoredPages, FILL_PAUSE_AFTER_CHANGE_MS, forgetStoredPage, readStoredPage, STORED_PAGE_FRESH_MS, STORED_PAGE_MAX_AGE_MS, storePageResponse, takeFillTicket } from "./page-response-store";

// Outside a request Next's revalidateTag has no store to queue the tag in; the catalog reads are not needed.
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidateTag, unstable_cache: (read: unknown) => read }));
vi.mock("@/server/catalog/catalog-queries", () => ({}));

const page = (path: string, text: string, askedAtMs: number, nowMs = askedAtMs) =>
  storePageResponse({ path, status: 200, headers: [["x-nextjs-cache", "HIT"]], body: Buffer.from(text), ticket: takeFillTicket(askedAtMs), nowMs });

describe("the stored storefront page responses", () => {
  let t0: number;
  beforeEach(() => {
    // Far after any pause a previous test left.
    t0 = Date.now() + 1_000_000;
    dropStoredPages(t0 - FILL_PAUSE_AFTER_CHANGE_MS);
  });

  it("serve a copy as it is for STORED_PAGE_FRESH_MS, then while it is refreshed, never past STORED_PAGE_MAX_AGE_MS", () => {
    expect(page("/", "home", t0)).toBe(true);
    const fresh = readStoredPage("/", t0 + STORED_PAGE_FRESH_MS - 1)!;
    expect(fresh.needsRefresh).toBe(false);
    expect(fresh.page.body.toString()).toBe("home");
    expect(gunzipSync(fresh.page.gzipBody).toString()).toBe("home");
    expect(fresh.page.headers).toEqual([["x-nextjs-cache", "HIT"]]);
    expect(readStoredPage("/", t0 + STORED_PAGE_FRESH_MS)?.needsRefresh).toBe(true);
    expect(readStoredPage("/", t0 + STORED_PAGE_MAX_AGE_MS - 1)?.needsRefresh).toBe(true);
    expect(readStoredPage("/", t0 + STORED_PAGE_MAX_AGE_MS)).toBeUndefined();
    expect(readStoredPage("/products/starter", t0)).toBeUndefined();
    forgetStoredPage("/");
    expect(readStoredPage("/", t0)).toBeUndefined();
  });

  it("are dropped by a catalog change, and an answer Next gave before it is never stored", () => {
    page("/", "old home", t0);
    const ticket = takeFillTicket(t0); // a fill asked Next just before the change…
    dropStoredPages(t0 + 1);
    expect(readStoredPage("/", t0 + 1)).toBeUndefined();
    // …and its answer (the old page) arrives after it.
    expect(storePageResponse({ path: "/", status: 200, headers: [], body: Buffer.from("old home"), ticket, nowMs: t0 + 2 })).toBe(false);
    expect(readStoredPage("/", t0 + 2)).toBeUndefined();
  });

  it("take no copy while Next may not yet have applied the change (it expires the tag at the end of that request)", () => {
    dropStoredPages(t0);
    expect(page("/", "maybe old", t0 + FILL_PAUSE_AFTER_CHANGE_MS - 1, t0 + FILL_PAUSE_AFTER_CHANGE_MS + 10)).toBe(false);
    expect(page("/", "new home", t0 + FILL_PAUSE_AFTER_CHANGE_MS)).toBe(true);
    expect(readStoredPage("/", t0 + FILL_PAUSE_AFTER_CHANGE_MS)?.page.body.toString()).toBe("new home");
  });

  it("are dropped by every catalog change the app makes, together with Next's catalog tag", () => {
    page("/", "old home", t0);
    expect(readStoredPage("/", t0)).toBeDefined();
    invalidateStorefrontCatalog();
    expect(revalidateTag).toHaveBeenCalledWith("catalog", { expire: 0 });
    expect(readStoredPage("/", t0)).toBeUndefined();
  });
});
