// Security headers of every response (README "Security headers and the public edge"). Plain ESM so that
// next.config.mjs (static headers) and proxy.ts (the per-request CSP) share one definition.

/**
 * Headers that never vary per request: next.config.mjs headers() sends them on every path, static files included.
 * @type {{ key: string; value: string }[]}
 */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing in the app uses these browser features; a script injected anyway cannot either.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Two years, subdomains included: sent only when the public URL is https (see isHttpsDeployment). */
export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/** The directives every policy shares; only script-src differs between the two below. */
const policyWith = (/** @type {string} */ scriptSrc, /** @type {boolean} */ https) =>
  [
    "default-src 'self'",
    scriptSrc,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

/**
 * The Content Security Policy of a page. Scripts: only the app's own files and inline scripts carrying this
 * request's nonce (Next.js adds it to its own inline scripts when it finds it in the request's CSP header);
 * 'strict-dynamic' lets those load the chunks they import. No 'unsafe-eval' outside `next dev` (React's dev
 * tooling needs it). Styles: Tailwind's CSS is a file, but React style attributes (status bars) and the mail
 * preview's srcdoc iframe (it inherits this policy) need inline styles, and style injection cannot run code.
 * @param {{ nonce: string; https: boolean; development?: boolean }} options
 */
export const contentSecurityPolicy = ({ nonce, https, development = false }) =>
  policyWith(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`, https);

/**
 * The policy of the cached public storefront pages (lib/storefront-variants.mjs isCachedStorefrontPath), which
 * are rendered once and served as the same bytes to everyone, so they cannot carry a per-request nonce. Their
 * inline scripts are Next.js's bootstrap and RSC payload, which change with every catalog change, so no fixed
 * hash list fits either: inline scripts are allowed on these pages only, script files only from this origin,
 * still no 'unsafe-eval'. Why that is acceptable there: README "The trade-off of nonces".
 * @param {{ https: boolean; development?: boolean }} options
 */
export const cachedPageContentSecurityPolicy = ({ https, development = false }) =>
  policyWith(`script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`, https);

/**
 * Whether the app is served over https: the operator's public URL (NEXTAUTH_URL) says so. Not the request's
 * X-Forwarded-Proto, which any client can send when no proxy strips it.
 * @param {string | undefined} publicUrl
 */
export const isHttpsDeployment = (publicUrl) => {
  try {
    return new URL(publicUrl ?? "").protocol === "https:";
  } catch {
    return false;
  }
};

/**
 * The headers of the cached storefront pages, which proxy.ts skips, set from next.config.mjs and so fixed when
 * the app is built (`next build` writes them into its routes manifest), not per request: the same for every
 * visitor, as their bytes are. The CSP has no `upgrade-insecure-requests`: these pages load only same-origin
 * relative URLs, so it would change nothing there. HSTS when the public URL (NEXTAUTH_URL) at build time is
 * https, as proxy.ts sends it on every other page of an https deployment; a build made without it still gets
 * HSTS into browsers from the visitor answer (/api/storefront/visitor) that every cached page asks for after
 * load, and HSTS holds for the whole host.
 */
export const cachedStorefrontHeaders = (/** @type {{ https: boolean; development?: boolean }} */ { https, development = false }) => [
  { key: "Content-Security-Policy", value: cachedPageContentSecurityPolicy({ https: false, development }) },
  ...(https ? [HSTS_HEADER] : []),
];

export const CACHED_STOREFRONT_HEADERS = cachedStorefrontHeaders({
  https: isHttpsDeployment(process.env.NEXTAUTH_URL),
  development: process.env.NODE_ENV === "development",
});
