import "server-only";
import { timingSafeEqual } from "node:crypto";

export const TEST_HOOKS_TOKEN_HEADER = "x-hostlane-test-token";

/**
 * The test hooks exist only for a server the e2e runner started (scripts/app-server.mjs): it sets E2E_HOOKS=1
 * and a random per-run E2E_HOOKS_TOKEN, and the tests send the token in a header. Anything else (a normal start,
 * E2E_HOOKS=1 copied into a deployment, a request without the token) gets the same 404 as an unknown path.
 */
export const testHooksAllowed = (request: Request) => {
  const expected = process.env.E2E_HOOKS === "1" ? process.env.E2E_HOOKS_TOKEN : undefined;
  const given = request.headers.get(TEST_HOOKS_TOKEN_HEADER);
  if (!expected || expected.length < 32 || !given) return false;
  const [a, b] = [Buffer.from(expected), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
};

export const notFound = () => new Response("Not found", { status: 404 });
