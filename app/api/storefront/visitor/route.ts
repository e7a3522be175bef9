import { readVisitor } from "@/server/storefront/read-visitor";

export const dynamic = "force-dynamic";

/** The visitor's sign-in state and cart count for the cached storefront pages' header (components/storefront/visitor-nav.tsx). */
export const GET = async () =>
  Response.json(await readVisitor(), { headers: { "Cache-Control": "private, no-store" } });
