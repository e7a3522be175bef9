import Link from "next/link";

// NOTE: no request-time API here: this boundary is part of every page's tree, the cached storefront pages
// included. URLs no route matches render it per request through app/[...unmatched]/page.tsx (CSP nonce).
const NotFoundPage = () => (
  <main className="mx-auto mt-24 max-w-lg px-4 text-center">
    <h1 className="text-2xl font-bold">Page not found</h1>
    <p className="mt-2 text-slate-600">The page does not exist, or you do not have access to it.</p>
    <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
      Back to the storefront
    </Link>
  </main>
);

export default NotFoundPage;
