// The cached variants of the storefront pages (issue #8). Plain ESM so that next.config.mjs (the rewrites)
// and the pages share one list.
//
// Every cached storefront page lives under /shop/<variant>/…, and the public URLs are rewritten onto the
// default variant: "/" → /shop/default, "/products/:slug" → /shop/default/products/:slug. A variant is one
// cached copy of the catalog pages for one language and one currency, named in the path so the pages never
// read a cookie and stay one cached entry per URL: the language (when not English) and the currency (when not
// the shop's default) in lower case, joined by "-": "eur", "de", "de-eur". They are reached directly as
// /shop/de-eur and /shop/de-eur/products/<slug> (no rewrite needed; the page refuses a currency the shop does
// not sell in).

import { DEFAULT_LOCALE, isLocale, LOCALES } from "./i18n/locales.mjs";

export const DEFAULT_STOREFRONT_VARIANT = "default";

const VARIANT = /^(?:([a-z]{2})(?:-([a-z]{3}))?|([a-z]{3}))$/;

/**
 * The language and currency a variant shows; null parts are the defaults (English, the shop's currency).
 * null: not a variant name.
 * @param {string} variant
 * @returns {{ locale: import("./i18n/locales.mjs").TLocale | null, currency: string | null } | null}
 */
const parseVariant = (variant) => {
  if (variant === DEFAULT_STOREFRONT_VARIANT) return { locale: null, currency: null };
  const match = VARIANT.exec(variant);
  if (!match) return null;
  const [, locale, localeCurrency, currency] = match;
  if (locale !== undefined && (!isLocale(locale) || locale === DEFAULT_LOCALE)) return null;
  return { locale: locale ?? null, currency: (localeCurrency ?? currency)?.toUpperCase() ?? null };
};

/** The default variant, or a language and/or currency in lower case ("de", "eur", "de-eur"). @param {string} variant */
export const isStorefrontVariant = (variant) => parseVariant(variant) !== null;

/** The currency a variant prices in; null: the storefront's default currency. @param {string} variant */
export const variantCurrency = (variant) => parseVariant(variant)?.currency ?? null;

/** The language a variant is written in. @param {string} variant @returns {import("./i18n/locales.mjs").TLocale} */
export const variantLocale = (variant) => parseVariant(variant)?.locale ?? DEFAULT_LOCALE;

/**
 * The variant in `locale` that shows prices in `currency` (the default one for English and the default currency).
 * @param {{ locale: import("./i18n/locales.mjs").TLocale, currency: string | null, defaultCurrency: string }} choice
 */
export const storefrontVariant = ({ locale, currency, defaultCurrency }) =>
  [locale === DEFAULT_LOCALE ? null : locale, !currency || currency === defaultCurrency ? null : currency.toLowerCase()]
    .filter(Boolean)
    .join("-") || DEFAULT_STOREFRONT_VARIANT;

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

/**
 * Where the language switch leads from `path` (the page the visitor is on): a cached storefront page becomes the
 * same page in the language's variant, keeping its currency; any other local page stays itself (it follows the
 * language cookie). Anything that is not a local path leads to the storefront home, so the switch is no open redirect.
 * @param {string} path @param {import("./i18n/locales.mjs").TLocale} locale @param {string} defaultCurrency
 */
export const localizedPath = (path, locale, defaultCurrency) => {
  if (!/^\/(?!\/)[^\\]*$/.test(path)) return storefrontPath(storefrontVariant({ locale, currency: null, defaultCurrency }), "/");
  const [, variant, rest = ""] = /^\/shop\/([^/]+)(\/.*)?$/.exec(path) ?? [];
  const isDefaultVariantPage = path === "/" || /^\/products\/[^/]+\/?$/.test(path);
  if (!isDefaultVariantPage && !(variant && isStorefrontVariant(variant))) return path;
  const currency = variant ? variantCurrency(variant) : null;
  return storefrontPath(storefrontVariant({ locale, currency, defaultCurrency }), isDefaultVariantPage ? path : rest || "/");
};

/**
 * The page's canonical URL and its translations (hreflang) for search engines: a currency variant is the same
 * page as its language's default-currency one, so only languages get URLs of their own.
 * @param {string} variant @param {string} path
 */
export const storefrontAlternates = (variant, path) => ({
  canonical: storefrontPath(storefrontVariant({ locale: variantLocale(variant), currency: null, defaultCurrency: "" }), path),
  languages: Object.fromEntries(LOCALES.map((locale) => [locale, storefrontPath(storefrontVariant({ locale, currency: null, defaultCurrency: "" }), path)])),
});
