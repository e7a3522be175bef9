import { notFound } from "next/navigation";
import { connection } from "next/server";

// NOTE: every URL no route matches lands here and renders the 404 page per request, so it carries this request's
// CSP nonce (proxy.ts). The prebuilt /_not-found page would have no nonce on its scripts. app/not-found.tsx itself
// must not opt into request time: it is part of every page's tree, the cached storefront pages included.
const UnmatchedPage = async () => {
  await connection();
  notFound();
};

export default UnmatchedPage;
