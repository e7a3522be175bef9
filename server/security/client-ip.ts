import "server-only";
import { env } from "@/env";

/**
 * The caller's IP address for rate limits and audit entries.
 * With TRUST_PROXY=n, the n-th X-Forwarded-For entry from the right: the address the outermost trusted proxy
 * saw (entries further left were written by the client and prove nothing). With 0 (no proxy), Next.js puts the
 * socket's address into X-Forwarded-For only when the request carries none, so the right-most entry is used:
 * a client that sends its own header can then choose its per-IP bucket, but the per-account limits still hold.
 * Production deployments run behind a proxy that sets the header and set TRUST_PROXY accordingly.
 */
export const clientIpFrom = (headers: Pick<Headers, "get">, trustProxy = env.TRUST_PROXY): string => {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(1, trustProxy);
  return entries[Math.max(0, index)] ?? "unknown";
};
