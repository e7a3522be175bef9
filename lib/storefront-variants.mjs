// The cached variants of the storefront pages (issue #8). Plain ESM so that next.config.mjs (the rewrites)
// and the pages share one list.
//
// Every cached storefront page lives under /shop/<variant>/…, and the public URLs are rewritten onto the
// default variant: "/" → /shop/default, "/products/:slug" → /shop/default/products/:slug. A variant is one
// cached copy of the catalog pages; when language and currency choices arrive (issue #9), each becomes a variant
// named in the path (e.g. "en-eur", reached through a visible /en-eur/… prefix), so the pages never read a
// cookie and stay one cached entry per URL. Currency variants are the currency's code in lower case, reached
// directly as /shop/eur and /shop/eur/products/<slug> (no rewrite needed; the page refuses a code the shop does
// not sell in). Language variants are not built yet.

export const DEFAULT_STOREFRONT_VARIANT = "default";

/** The default variant, or a currency code in lower case ("eur"). @param {string} variant */
export const isStorefrontVariant = (variant) => variant === DEFAULT_STOREFRONT_VARIANT || /^[a-z]{3}$/.test(variant);

/** The currency a variant prices in; null: the storefront's default currency. @param {string} variant */
export const variantCurrency = (variant) => (variant === DEFAULT_STOREFRONT_VARIANT ? null : variant.toUpperCase());

/** The variant that shows prices in `currency` (the default one for the default currency). @param {string | null} currency @param {string} defaultCurrency */
export const currencyVariant = (currency, defaultCurrency) => (!currency || currency === defaultCurrency ? DEFAULT_STOREFRONT_VARIANT : currency.toLowerCase());

/**
 * The public URL of a storefront page ("/" or "/products/<slug>") in a variant: the rewritten short URL for the
 * default one, the variant route for the others.
 * @param {string} variant @param {string} path
 */
export const storefrontPath = (variant, path) => (variant === DEFAULT_STOREFRONT_VARIANT ? path : `/shop/${variant}${path === "/" ? "" : path}`);

/** The rewrites of the public storefront URLs onto the cached variant routes (next.config.mjs). */
export const storefrontRewrites = () => [
  { source: "/", destination: `/shop/${DEFAULT_STOREFRONT_VARIANT}` },
  { source: "/products/:slug", destination: `/shop/${DEFAULT_STOREFRONT_VARIANT}/products/:slug` },
];

/** The same paths as isCachedStorefrontPath, as next.config.mjs header sources. */
export const CACHED_STOREFRONT_SOURCES = ["/", "/products/:slug", "/shop", "/shop/:path*"];

/**
 * Paths whose pages are served from Next's cache, the same bytes for every visitor: the public URLs and the
 * variant routes they are rewritten to. proxy.ts skips them and next.config.mjs gives them the nonce-free policy (README "The trade-off of nonces").
 * @param {string} pathname
 */
export const isCachedStorefrontPath = (pathname) =>
  pathname === "/" || /^\/products\/[^/]+\/?$/.test(pathname) || pathname === "/shop" || pathname.startsWith("/shop/");
